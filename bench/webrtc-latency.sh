#!/usr/bin/env bash
# Glass-to-glass latency, WebRTC vs HLS, in one run: a source drawing this machine's clock into
# every frame (ffmpeg, 640x360 x264 ultrafast/zerolatency, 1 s GOP) publishes over RTMP to the
# app; one headless Chromium watches it at the same time over HLS (the app's watch page, hls.js)
# and over WebRTC, reads the clock back from each presented frame and subtracts it from its own.
# p50/p95/max per path and the ratios. PATHS (WebRTC):
#   whep        the app's /whep/{name} and its Janus, as the watch page's Low latency plays it
#   whep-video  the same with the audio declined in the answer (no lip sync holding video back)
#   bridge      the app's bridge command run by the bench from the app's nginx-rtmp into a Janus
#               of the bench's own (nginx + bridge, without the app's feed and signalling)
#   janus       that Janus fed the same encode directly over RTP: the floor here
# (default whep,whep-video,janus: each path is one more video the one browser decodes, and with
# five at once on a loaded machine it began to drop frames.)
# Needs root (a veth pair for Janus's ICE candidates), janus, chromium and chromium-driver.
#
#   bench/webrtc-latency.sh                              about 4 minutes
#   SECONDS_MEASURED=120 LADDER=default PATHS=whep bench/webrtc-latency.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PATHS=${PATHS:-whep,whep-video,janus}
LADDER=${LADDER:-passthrough}
SECONDS_MEASURED=${SECONDS_MEASURED:-60}
WARMUP=${WARMUP:-15}
for t in chromium chromedriver janus ffmpeg; do
  command -v "$t" >/dev/null || { echo "needs $t (apt-get install -y chromium chromium-driver janus ffmpeg)" >&2; exit 1; }
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=WebRtcLatencyBench -Dbench.paths="$PATHS" -Dbench.ladder="$LADDER" \
  -Dbench.seconds="$SECONDS_MEASURED" -Dbench.warmup-seconds="$WARMUP" \
  | grep '^BENCH ' | sed 's/^BENCH //'
