#!/usr/bin/env bash
# CPU cost of the default ladder (720p 3000k / 480p 1400k / 360p 800k, x264 veryfast, keyframe
# every 2 s, AAC per rendition, HLS 2 s segments):
#   A  ONE ffmpeg process that decodes the input once and splits it, with the arguments
#      FfmpegCommand builds (src/main/java/org/headend/transcode/control/FfmpegCommand.java);
#   B  THREE ffmpeg processes, one per rendition, each decoding the input itself, run side by side.
# Both transcode the same pre-generated 720p30 file as fast as they can (no -re) into HLS in a temp
# folder; CPU is user+system seconds of all the ffmpeg processes (GNU time, children's rusage),
# normalised to CPU-seconds per minute of input. A and B alternate (A B, B A, A B, ...), and the
# ratio B/A is taken per round, so slow drifts in the machine's other load cancel out.
#
#   bench/ladder-cost.sh                      30 s input, 3 rounds (about 3 minutes on 2 cores)
#   DURATION=60 ROUNDS=5 bench/ladder-cost.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

DURATION=${DURATION:-30}   # seconds of input
ROUNDS=${ROUNDS:-3}
RUN_TIMEOUT=${RUN_TIMEOUT:-600}

require_tools ffmpeg awk timeout
[ -x /usr/bin/time ] || die "GNU time is required: apt-get install -y time"

INPUT=$BENCH_TMP/input-720p30.flv
log "generating ${DURATION} s of 1280x720@30 testsrc2 + sine (x264 veryfast 4500k, 2 s GOP, AAC) as $INPUT"
ffmpeg -hide_banner -nostdin -loglevel error -y \
  -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$DURATION" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$DURATION" \
  -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 60 -keyint_min 60 -b:v 4500k -maxrate 5000k -bufsize 9000k \
  -c:a aac -b:a 128k -ac 2 -f flv "$INPUT"

# The default ladder as db/V2__builtin_ladders.sql seeds it: name width height kbps audio-kbps profile.
LADDER=("720p 1280 720 3000 128 high" "480p 854 480 1400 128 main" "360p 640 360 800 96 main")
PRESET=veryfast
SEGMENT=2

hls_args() {   # hls_args DIR [var_stream_map]: FfmpegCommand's HLS output arguments
  local dir=$1 map=${2:-}
  printf '%s\n' -f hls -hls_time "$SEGMENT" -hls_list_size 6 \
    -hls_flags program_date_time+independent_segments+delete_segments+temp_file \
    -hls_start_number_source epoch
  if [ -n "$map" ]; then
    printf '%s\n' -master_pl_name master.m3u8 -var_stream_map "$map" \
      -hls_segment_filename "$dir/%v/seg_%d.ts" "$dir/%v/index.m3u8"
  else
    printf '%s\n' -hls_segment_filename "$dir/seg_%d.ts" "$dir/index.m3u8"
  fi
}

scale() { printf 'scale=w=%s:h=%s:force_original_aspect_ratio=decrease:force_divisible_by=2' "$1" "$2"; }

COMMON_IN=(ffmpeg -hide_banner -nostdin -loglevel warning -nostats -y -i "$INPUT")
COMMON_ENC=(-c:v libx264 -pix_fmt yuv420p -sc_threshold 0 -force_key_frames "expr:gte(t,n_forced*$SEGMENT)")

# A: one process, decode once, split (FfmpegCommand's arguments, file input instead of RTMP).
one_process_cmd() {
  local dir=$1 graph="[0:v]split=${#LADDER[@]}" maps=() rates=() vmap=() i r
  for i in "${!LADDER[@]}"; do graph+="[s$i]"; done
  for i in "${!LADDER[@]}"; do
    read -r -a r <<<"${LADDER[$i]}"
    graph+=";[s$i]$(scale "${r[1]}" "${r[2]}")[v$i]"
    maps+=(-map "[v$i]")
    rates+=("-preset:v:$i" "$PRESET" "-profile:v:$i" "${r[5]}" "-b:v:$i" "${r[3]}k"
      "-maxrate:v:$i" "$((r[3] * 11 / 10))k" "-bufsize:v:$i" "$((r[3] * 2))k" "-b:a:$i" "${r[4]}k")
    vmap+=("v:$i,a:$i,name:${r[0]}")
    mkdir -p "$dir/${r[0]}"
  done
  for i in "${!LADDER[@]}"; do maps+=(-map 0:a:0); done
  mapfile -t hls < <(hls_args "$dir" "${vmap[*]}")
  CMD=("${COMMON_IN[@]}" -filter_complex "$graph" "${maps[@]}" "${COMMON_ENC[@]}" "${rates[@]}"
    -c:a aac -ac 2 -ar 48000 "${hls[@]}")
}

# B: rendition i alone, decoding the input itself; same encoder and HLS settings.
single_rendition_cmd() {
  local dir=$1 i=$2 r
  read -r -a r <<<"${LADDER[$i]}"
  mkdir -p "$dir"
  mapfile -t hls < <(hls_args "$dir")
  CMD=("${COMMON_IN[@]}" -filter_complex "[0:v]$(scale "${r[1]}" "${r[2]}")[v0]" -map "[v0]" -map 0:a:0
    "${COMMON_ENC[@]}" -preset:v:0 "$PRESET" -profile:v:0 "${r[5]}" -b:v:0 "${r[3]}k"
    -maxrate:v:0 "$((r[3] * 11 / 10))k" -bufsize:v:0 "$((r[3] * 2))k" -b:a:0 "${r[4]}k"
    -c:a aac -ac 2 -ar 48000 "${hls[@]}")
}

# Writes a script that runs the variant; GNU time around it sums the rusage of every ffmpeg it waits for.
write_variant() {   # write_variant A|B DIR SCRIPT
  local variant=$1 dir=$2 script=$3 i
  {
    echo '#!/usr/bin/env bash'
    echo 'set -u; rc=0'
    if [ "$variant" = A ]; then
      one_process_cmd "$dir"
      printf '%q ' "${CMD[@]}"; echo '|| rc=1'
    else
      for i in "${!LADDER[@]}"; do
        read -r -a r <<<"${LADDER[$i]}"
        single_rendition_cmd "$dir/${r[0]}" "$i"
        printf '%q ' "${CMD[@]}"; echo "& p$i=\$!"
      done
      for i in "${!LADDER[@]}"; do echo "wait \$p$i || rc=1"; done
    fi
    # shellcheck disable=SC2016
    echo 'exit "$rc"'
  } >"$script"
  chmod +x "$script"
}

declare -A CPU WALL
run_variant() {   # run_variant A|B ROUND
  local variant=$1 round=$2 dir=$BENCH_TMP/out-$1-$2 script=$BENCH_TMP/run-$1.sh t0 t1 b0 b1 cpu v
  rm -rf "$dir"; mkdir -p "$dir"
  write_variant "$variant" "$dir" "$script"
  b0=$(machine_busy_seconds); t0=$(now)
  # setsid + timeout: the whole run is bounded, and a Ctrl-C of this script does not leave it behind.
  setsid timeout -k 5 "$RUN_TIMEOUT" /usr/bin/time -f '%U %S' -o "$BENCH_TMP/time-$variant-$round" \
    "$script" >"$BENCH_TMP/log-$variant-$round" 2>&1 &
  local pid=$!; track "$pid"
  wait "$pid" || die "variant $variant failed (round $round): $(tail -n 5 "$BENCH_TMP/log-$variant-$round")"
  untrack "$pid"
  t1=$(now); b1=$(machine_busy_seconds)
  while IFS= read -r v; do
    grep -q '#EXT-X-ENDLIST' "$v" || die "variant $variant produced an unfinished playlist $v"
  done < <(find "$dir" -name index.m3u8)
  [ "$(find "$dir" -name index.m3u8 | wc -l)" -eq "${#LADDER[@]}" ] || die "variant $variant: expected ${#LADDER[@]} playlists"
  cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$BENCH_TMP/time-$variant-$round")
  CPU[$variant,$round]=$cpu
  WALL[$variant,$round]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  # Busy CPU of everything else on the machine meanwhile, in cores: shows interference.
  local other
  other=$(awk -v b0="$b0" -v b1="$b1" -v c="$cpu" -v w="${WALL[$variant,$round]}" 'BEGIN { o = (b1 - b0 - c) / w; if (o < 0) o = 0; printf "%.2f", o }')
  OTHER[$variant,$round]=$other
  log "round $round $variant: $cpu CPU-s for ${DURATION} s of input = $(per_min "$cpu") CPU-s per input minute, wall ${WALL[$variant,$round]} s (other processes: $other cores busy)"
  rm -rf "$dir"
}
declare -A OTHER
per_min() { awk -v c="$1" -v d="$DURATION" 'BEGIN { printf "%.1f", c * 60 / d }'; }

log "machine: $(machine_line)"
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order="A B"; else order="B A"; fi
  for v in $order; do run_variant "$v" "$round"; done
done

echo
echo "ladder-cost, $(date -u +%Y-%m-%dT%H:%MZ), $(machine_line)"
echo "input: ${DURATION} s 1280x720@30 testsrc2 + sine (x264 veryfast 4500k); ladder 720p/480p/360p at 3000k/1400k/800k, x264 $PRESET, keyframe every ${SEGMENT} s, AAC"
echo "A = one ffmpeg (decode once, split; FfmpegCommand's arguments), B = three ffmpeg side by side (one per rendition)"
printf '%-6s %16s %16s %10s %10s %10s %14s\n' round "A CPU-s/in-min" "B CPU-s/in-min" "B/A" "A wall s" "B wall s" "other cores"
ratios=() a_all=() b_all=()
for round in $(seq "$ROUNDS"); do
  a=$(per_min "${CPU[A,$round]}"); b=$(per_min "${CPU[B,$round]}")
  ratio=$(awk -v a="${CPU[A,$round]}" -v b="${CPU[B,$round]}" 'BEGIN { printf "%.3f", b / a }')
  ratios+=("$ratio"); a_all+=("$a"); b_all+=("$b")
  printf '%-6s %16s %16s %10s %10s %10s %14s\n' "$round" "$a" "$b" "$ratio" "${WALL[A,$round]}" "${WALL[B,$round]}" \
    "${OTHER[A,$round]}/${OTHER[B,$round]}"
done
printf '%-6s %16.1f %16.1f %10.3f\n' median "$(median "${a_all[@]}")" "$(median "${b_all[@]}")" "$(median "${ratios[@]}")"
printf 'ratio three-process / one-process: median %.3f, min %s, max %s over %s rounds\n' \
  "$(median "${ratios[@]}")" "$(minimum "${ratios[@]}")" "$(maximum "${ratios[@]}")" "$ROUNDS"
