#!/usr/bin/env bash
# What Headend's JVM costs over a bare Payara Micro: CPU (% of one core, utime+stime deltas of the
# JVM pid over MEASURE seconds, from /proc/<pid>/stat) and RSS (VmRSS, sampled every second) of
#   empty   Payara Micro with an EMPTY WAR (only WEB-INF/web.xml), idle
#   app-0   Headend, no stream live
#   app-1   Headend, 1 live passthrough stream
#   app-10  Headend, 10 live passthrough streams
# all in one run, one after the other, with the same JVM options and Payara arguments
# (./headend run's). Only the JVM pid counts as "JVM"; the app's children (its nginx master and
# worker, one ffmpeg per live stream) are measured separately and summed. The publishers are not
# counted: each sends a pre-encoded 640x360@30 x264 ultrafast file in a loop (-re -stream_loop -1
# -c copy), so they cost almost nothing.
#
#   bench/app-overhead.sh                     about 4 minutes
#   MEASURE=60 STREAMS="1 10" bench/app-overhead.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

MEASURE=${MEASURE:-30}     # seconds per measurement window
SETTLE=${SETTLE:-10}       # seconds to wait before each window
STREAMS=${STREAMS:-1 10}   # the live-stream counts to measure, ascending
LIVE_TIMEOUT=${LIVE_TIMEOUT:-90}

require_tools ffmpeg curl ss awk jar
log "machine: $(machine_line)"
ensure_artifacts

# measure LABEL PID: CPU and RSS of PID, and of its descendants, over MEASURE seconds.
declare -A CPU RSS RSSMAX KCPU KRSS KPSS KCOUNT
measure() {
  local label=$1 pid=$2 t0 t1 c0 c1 p s r sum=0 n=0 max=0 deadline
  declare -A kstart=() kticks=()
  log "$label: settling $SETTLE s, then measuring $MEASURE s"
  sleep "$SETTLE"
  for p in $(descendants "$pid"); do
    kstart[$p]=$(proc_start "$p") || continue
    kticks[$p]=$(proc_cpu_ticks "$p") || continue
  done
  c0=$(proc_cpu_ticks "$pid"); t0=$(now)
  deadline=$((SECONDS + MEASURE))
  while [ $SECONDS -lt $deadline ]; do
    r=$(proc_rss_kb "$pid") || die "JVM $pid is gone"
    sum=$((sum + r)); n=$((n + 1)); [ "$r" -gt "$max" ] && max=$r
    sleep 1
  done
  c1=$(proc_cpu_ticks "$pid"); t1=$(now)
  CPU[$label]=$(awk -v a="$c0" -v b="$c1" -v hz="$CLK_TCK" -v t0="$t0" -v t1="$t1" \
    'BEGIN { printf "%.1f", (b - a) / hz / (t1 - t0) * 100 }')
  RSS[$label]=$((sum / n / 1024)); RSSMAX[$label]=$((max / 1024))
  # Children that lived through the whole window (same pid and start time at both ends).
  local kc=0 kr=0 kp=0 kn=0
  for p in "${!kstart[@]}"; do
    [ "$(proc_start "$p")" = "${kstart[$p]}" ] || continue
    s=$(proc_cpu_ticks "$p") || continue
    kc=$((kc + s - kticks[$p])); kr=$((kr + $(proc_rss_kb "$p" || echo 0))); kp=$((kp + $(proc_pss_kb "$p" || echo 0))); kn=$((kn + 1))
  done
  KCPU[$label]=$(awk -v k="$kc" -v hz="$CLK_TCK" -v t0="$t0" -v t1="$t1" 'BEGIN { printf "%.1f", k / hz / (t1 - t0) * 100 }')
  KRSS[$label]=$((kr / 1024)); KPSS[$label]=$((kp / 1024)); KCOUNT[$label]=$kn
  log "$label: JVM ${CPU[$label]} % of a core, RSS ${RSS[$label]} MB (max ${RSSMAX[$label]}); children ($kn): ${KCPU[$label]} %, RSS ${KRSS[$label]} MB (PSS ${KPSS[$label]} MB)"
}

# 1. Payara Micro with an empty WAR.
mkdir -p "$BENCH_TMP/empty/WEB-INF"
cat >"$BENCH_TMP/empty/WEB-INF/web.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0"/>
XML
(cd "$BENCH_TMP/empty" && jar cf "$BENCH_TMP/empty.war" WEB-INF)
empty_port=; free_port empty_port
log "starting Payara Micro with an empty WAR on port $empty_port"
start_micro "$BENCH_TMP/empty.war" "$empty_port" "$BENCH_TMP/empty.log"
empty_pid=$MICRO_PID
wait_log "$BENCH_TMP/empty.log" 'ready in' "$empty_pid" "${APP_START_TIMEOUT:-240}"
curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$empty_port/" || die "empty Payara Micro does not answer"
measure empty "$empty_pid"
stop_tree "$empty_pid" 30; untrack "$empty_pid"

# 2. Headend, idle, then with live passthrough streams.
start_app
login
measure app-0 "$APP_PID"

SOURCE=$BENCH_TMP/source-640x360.flv
log "pre-encoding the publishers' source (640x360@30 testsrc2 + sine, x264 ultrafast, 2 s GOP, 120 s)"
ffmpeg -hide_banner -nostdin -loglevel error -y \
  -f lavfi -i testsrc2=size=640x360:rate=30:duration=120 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=120 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 60 -keyint_min 60 -b:v 800k -c:a aac -b:a 96k -ac 2 \
  -f flv "$SOURCE"

IDS=()
live_count() {
  local id n=0
  for id in "${IDS[@]}"; do [ "$(stream_state "$id")" = LIVE ] && n=$((n + 1)); done
  echo "$n"
}
for want in $STREAMS; do
  while [ ${#IDS[@]} -lt "$want" ]; do
    i=$((${#IDS[@]} + 1))
    create_stream "bench-overhead-$i-$RANDOM" passthrough
    IDS+=("$STREAM_ID")
    ffmpeg -hide_banner -nostdin -loglevel error -re -stream_loop -1 -i "$SOURCE" -c copy -f flv \
      "$RTMP_URL/$STREAM_KEY" </dev/null >"$BENCH_TMP/publisher-$i.log" 2>&1 &
    track $!
  done
  deadline=$((SECONDS + LIVE_TIMEOUT))
  until [ "$(live_count)" -eq "$want" ]; do
    [ $SECONDS -lt $deadline ] || die "only $(live_count) of $want streams LIVE after $LIVE_TIMEOUT s"
    sleep 1
  done
  log "$want stream(s) LIVE"
  measure "app-$want" "$APP_PID"
  [ "$(live_count)" -eq "$want" ] || log "warning: not every stream stayed LIVE during the window"
done
restarts=0
for id in "${IDS[@]}"; do
  r=$(api GET "/streams/$id/status" | sed -n 's/.*"restarts" *: *\([0-9]*\).*/\1/p' | head -n 1)
  restarts=$((restarts + ${r:-0}))
done

echo
echo "app-overhead, $(date -u +%Y-%m-%dT%H:%MZ), $(machine_line)"
echo "JAVA_OPTS: $JAVA_OPTS; $(sed -n 's/.*\(Payara Micro [0-9.]* (build [0-9]*)\).*/\1/p' "$BENCH_TMP/empty.log" | head -n 1); window $MEASURE s after $SETTLE s settling; transcoder restarts during the run: $restarts"
printf '%-8s %9s %10s %8s %11s %10s | %9s %13s %13s %13s\n' case "JVM CPU %" "CPU/empty" "RSS MB" "RSS max MB" "RSS/empty" \
  "children" "children CPU%" "child RSS MB" "child PSS MB"
for label in empty app-0 $(for s in $STREAMS; do printf 'app-%s ' "$s"; done); do
  printf '%-8s %9s %10s %8s %11s %10s | %9s %13s %13s %13s\n' "$label" "${CPU[$label]}" \
    "$(awk -v a="${CPU[$label]}" -v e="${CPU[empty]}" 'BEGIN { if (e > 0) printf "%.1fx", a / e; else print "n/a" }')" \
    "${RSS[$label]}" "${RSSMAX[$label]}" \
    "$(awk -v a="${RSS[$label]}" -v e="${RSS[empty]}" 'BEGIN { printf "%.2fx", a / e }')" \
    "${KCOUNT[$label]}" "${KCPU[$label]}" "${KRSS[$label]}" "${KPSS[$label]}"
done
