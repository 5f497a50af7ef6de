package org.headend.worker.entity;

import java.util.List;
import java.util.Set;

/**
 * What a worker can do, as detected on connect: its ffmpeg's version, the H.264 encoders that
 * ffmpeg has (libx264, h264_nvenc, h264_vaapi, h264_qsv), the render devices VAAPI and QSV need
 * ({@code /dev/dri/renderD*}), whether an NVIDIA GPU answers ({@code nvidia-smi}), its cores and
 * its one-minute load average.
 */
public record WorkerCapabilities(
        String ffmpegVersion,
        Set<String> h264Encoders,
        List<String> renderDevices,
        boolean nvidiaGpu,
        int cores,
        double load) {

    public static final WorkerCapabilities UNKNOWN = new WorkerCapabilities(null, Set.of(), List.of(), false, 0, 0);

    public WorkerCapabilities {
        h264Encoders = Set.copyOf(h264Encoders);
        renderDevices = List.copyOf(renderDevices);
    }

    public WorkerCapabilities withLoad(double newLoad) {
        return new WorkerCapabilities(ffmpegVersion, h264Encoders, renderDevices, nvidiaGpu, cores, newLoad);
    }
}
