#!/usr/bin/env bash
# Publish-to-playable latency: seconds from the moment an RTMP publisher starts (and connects) to
# the moment the stream is playable over HLS, i.e. master.m3u8 is served and EVERY variant playlist
# it lists holds at least one #EXTINF. Measured RUNS times per ladder, a new stream each run.
#
#   bench/publish-to-playable.sh                  starts Headend from target/ on free loopback ports
#   RUNS=10 LADDERS=default bench/publish-to-playable.sh
#   BASE_URL=http://127.0.0.1:8080 RTMP_URL=rtmp://127.0.0.1:1935/live HLS_URL=http://127.0.0.1:8081/hls \
#     ADMIN_PASSWORD=... bench/publish-to-playable.sh          uses an app that is already running
#
# The publisher is a live 1280x720@30 testsrc2 + 48 kHz sine, libx264 ultrafast with a 2 s GOP
# (-g 60), AAC, FLV, paced with -re. Also reported: when GET /streams/{id}/status first says LIVE,
# and (when this script started the app) when the app's log says the publish was accepted and the
# transcoder (ffmpeg) was started, which splits the latency into its steps.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-5}
LADDERS=${LADDERS:-default passthrough}
RUN_TIMEOUT=${RUN_TIMEOUT:-60}     # seconds one run may take before it counts as failed
POLL=${POLL:-0.1}                  # seconds between two looks at the playlists

require_tools ffmpeg curl ss awk
log "machine: $(machine_line)"
if [ -n "${BASE_URL:-}" ]; then
  : "${RTMP_URL:?set RTMP_URL with BASE_URL}" "${HLS_URL:?set HLS_URL with BASE_URL}"
  : "${ADMIN_PASSWORD:?set ADMIN_PASSWORD with BASE_URL}"
  log "using the running app at $BASE_URL"
else
  start_app
fi
login

# log_offset PATTERN T0: seconds from T0 (epoch) to the app-log line containing PATTERN (Payara's
# [timeMillis: ...] of that record), or nothing.
log_offset() {
  [ -n "${APP_HOME:-}" ] && [ -f "$APP_HOME/app.log" ] || return 0
  awk -v pat="$1" -v t0="$2" '
    match($0, /timeMillis: [0-9]+/) { ms = substr($0, RSTART + 12, RLENGTH - 12) }
    index($0, pat) && ms { printf "%.2f", ms / 1000 - t0; exit }' "$APP_HOME/app.log"
}

start_publisher() {   # start_publisher KEY LOGFILE: sets PUB_PID
  ffmpeg -hide_banner -nostdin -loglevel warning \
    -re -f lavfi -i testsrc2=size=1280x720:rate=30 \
    -re -f lavfi -i sine=frequency=440:sample_rate=48000 \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 60 -keyint_min 60 -b:v 3000k \
    -c:a aac -b:a 128k -ac 2 \
    -f flv "$RTMP_URL/$1" </dev/null >"$2" 2>&1 &
  PUB_PID=$!
  track "$PUB_PID"
}

declare -A PLAY LIVE FAILS ACCEPT SPAWN
for ladder in $LADDERS; do
  PLAY[$ladder]=""; LIVE[$ladder]=""; FAILS[$ladder]=0; ACCEPT[$ladder]=""; SPAWN[$ladder]=""
  for run in $(seq "$RUNS"); do
    name=bench-$ladder-$run-$RANDOM
    create_stream "$name" "$ladder"
    publog=$BENCH_TMP/publisher-$name.log
    t0=$(now)
    start_publisher "$STREAM_KEY" "$publog"
    t_play="" t_live=""
    deadline=$((SECONDS + RUN_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
      if [ -z "$t_live" ] && [ "$(stream_state "$STREAM_ID")" = LIVE ]; then
        t_live=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
      fi
      if [ -z "$t_play" ] && hls_playable "$name"; then
        t_play=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
      fi
      [ -n "$t_play" ] && [ -n "$t_live" ] && break
      kill -0 "$PUB_PID" 2>/dev/null || { log "publisher exited early: $(tail -n 3 "$publog")"; break; }
      sleep "$POLL"
    done
    stop_tree "$PUB_PID" 5; untrack "$PUB_PID"
    delete_stream "$STREAM_ID"
    t_accept=$(log_offset "is live on stream $name" "$t0")
    t_spawn=$(log_offset "Transcoding stream $name " "$t0")
    if [ -n "$t_play" ]; then
      PLAY[$ladder]+="$t_play "
      [ -n "$t_live" ] && LIVE[$ladder]+="$t_live "
      [ -n "$t_accept" ] && ACCEPT[$ladder]+="$t_accept "
      [ -n "$t_spawn" ] && SPAWN[$ladder]+="$t_spawn "
      log "$ladder run $run: playable after $t_play s (publish accepted ${t_accept:-?} s, ffmpeg started ${t_spawn:-?} s, API LIVE ${t_live:-?} s)"
    else
      FAILS[$ladder]=$((FAILS[$ladder] + 1))
      log "$ladder run $run: NOT playable within $RUN_TIMEOUT s"
    fi
    sleep 1   # let the publisher's publish_done and the transcoder's stop settle
  done
done

echo
echo "publish-to-playable, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "seconds from publisher start to HLS playable (master + every variant has #EXTINF):"
printf '%-12s %5s %7s %7s %7s %6s   %-20s %-20s %s\n' ladder runs median min max failed \
  "API LIVE med/min/max" "accepted med/min/max" "ffmpeg started med/min/max"
triple() { [ $# -gt 0 ] && printf '%.2f %s %s' "$(median "$@")" "$(minimum "$@")" "$(maximum "$@")" || printf -- -; }
for ladder in $LADDERS; do
  # shellcheck disable=SC2086
  if [ -n "${PLAY[$ladder]}" ]; then
    set -- ${PLAY[$ladder]}; n=$#
    p_med=$(printf '%.2f' "$(median "$@")"); p_min=$(minimum "$@"); p_max=$(maximum "$@")
    printf '%-12s %5s %7s %7s %7s %6s   %-20s %-20s %s\n' "$ladder" "$n" "$p_med" "$p_min" "$p_max" "${FAILS[$ladder]}" \
      "$(triple ${LIVE[$ladder]})" "$(triple ${ACCEPT[$ladder]})" "$(triple ${SPAWN[$ladder]})"
  else
    printf '%-12s %5s %7s %7s %7s %6s\n' "$ladder" 0 - - - "${FAILS[$ladder]}"
  fi
done
fails=0
for ladder in $LADDERS; do fails=$((fails + FAILS[$ladder])); done
[ $fails -eq 0 ]
