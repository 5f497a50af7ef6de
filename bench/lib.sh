# shellcheck shell=bash disable=SC2034
# Shared helpers of the bench/*.sh scripts: sourced, never run. Everything a script starts is
# registered here and stopped by the EXIT trap; every wait is bounded by a deadline; only
# loopback addresses are used.

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/headend-bench.XXXXXX")
BENCH_PIDS=()       # processes to stop on exit (each with its descendants)
BENCH_USED_PORTS=" "
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:+UseSerialGC}   # what ./headend run uses
# Keep the temp folder (logs, HLS output) after the run for a post-mortem.
BENCH_KEEP=${BENCH_KEEP:-0}

log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# All descendants of a pid (children, grandchildren, ...), one per line.
descendants() {
  ps -e -o pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END {
      found[root] = 1; changed = 1
      while (changed) {
        changed = 0
        for (p in parent) if (!(p in found) && (parent[p] in found)) { found[p] = 1; changed = 1 }
      }
      for (p in found) if (p != root) print p
    }'
}

# Stops a process and everything below it: TERM, up to $2 seconds (default 20) of grace, then KILL.
stop_tree() {
  local pid=$1 grace=${2:-20} all p deadline
  kill -0 "$pid" 2>/dev/null || return 0
  all="$pid $(descendants "$pid" | tr '\n' ' ')"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
  # Whatever is left (the app stops its own nginx and ffmpeg; this is the safety net).
  for p in $all; do kill -TERM "$p" 2>/dev/null || true; done
  deadline=$((SECONDS + 5))
  for p in $all; do
    while kill -0 "$p" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    kill -KILL "$p" 2>/dev/null || true
  done
  wait "$pid" 2>/dev/null || true
}

bench_cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
    stop_tree "${BENCH_PIDS[$i]}" 20
  done
  if [ "$BENCH_KEEP" = 1 ] || [ $rc -ne 0 ]; then
    log "kept $BENCH_TMP for inspection"
  else
    rm -rf "$BENCH_TMP"
  fi
  exit $rc
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

track() { BENCH_PIDS+=("$1"); }

untrack() {
  local keep=() p
  for p in "${BENCH_PIDS[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  BENCH_PIDS=("${keep[@]}")
}

# free_port VAR: a TCP port nothing uses on this machine, below the ephemeral range, never one
# picked before by this script and never Headend's defaults (8080, 1935, 8081).
free_port() {
  local p i
  for i in $(seq 500); do
    p=$((20000 + RANDOM % 12000))
    case "$BENCH_USED_PORTS" in *" $p "*) continue ;; esac
    if [ -z "$(ss -Htan "( sport = :$p )" 2>/dev/null)" ]; then
      BENCH_USED_PORTS+="$p "
      printf -v "$1" '%s' "$p"
      return 0
    fi
  done
  die "no free TCP port found"
}

now() { date +%s.%N; }

# Statistics of numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
minimum() { printf '%s\n' "$@" | sort -g | head -n 1; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n 1; }

# json_str FIELD: the string value of FIELD in the JSON object on stdin (flat objects only).
json_str() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -n 1; }

require_tools() {
  local t
  for t in "$@"; do command -v "$t" >/dev/null || die "'$t' is required (apt-get install -y ffmpeg nginx libnginx-mod-rtmp curl procps)"; done
}

# The artifacts ./headend run starts. Built here (as ./headend run would) only when missing.
ensure_artifacts() {
  if [ ! -f "$BENCH_ROOT/target/headend.war" ] || [ ! -f "$BENCH_ROOT/target/payara-micro.jar" ]; then
    log "target/headend.war or target/payara-micro.jar missing: building (mvn -B -q package -DskipTests)"
    (cd "$BENCH_ROOT" && mvn -B -q -f datasource/pom.xml install -DskipTests >&2 \
      && mvn -B -q package -DskipTests >&2) || die "the build failed"
  elif [ -n "$(cd "$BENCH_ROOT" && find pom.xml src db server-config -newer target/headend.war -type f 2>/dev/null | head -n 1)" ]; then
    log "warning: sources are newer than target/headend.war; measuring the WAR as built"
  fi
}

# A preboot command file that binds Payara Micro's HTTP listener to loopback only.
loopback_preboot() {
  local f=$BENCH_TMP/preboot-loopback.txt
  [ -f "$f" ] || printf '%s\n' \
    'set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1' >"$f"
  printf '%s' "$f"
}

# start_micro WAR PORT LOGFILE: starts Payara Micro the way ./headend run does (same JVM options
# and arguments, plus the loopback binding) and sets MICRO_PID to the JVM's pid.
start_micro() {
  local war=$1 port=$2 logfile=$3
  # shellcheck disable=SC2086
  (cd "$BENCH_ROOT" && exec java $JAVA_OPTS -jar target/payara-micro.jar --deploy "$war" --contextroot / \
    --port "$port" --nocluster --disablephonehome --prebootcommandfile "$(loopback_preboot)") \
    </dev/null >"$logfile" 2>&1 &
  MICRO_PID=$!
  track "$MICRO_PID"
}

# wait_log FILE PATTERN PID SECONDS: waits until FILE contains PATTERN while PID lives.
wait_log() {
  local deadline=$((SECONDS + $4))
  until grep -q "$2" "$1" 2>/dev/null; do
    kill -0 "$3" 2>/dev/null || die "process $3 exited; see $1"
    [ $SECONDS -lt $deadline ] || die "timed out after $4 s waiting for '$2' in $1"
    sleep 0.5
  done
}

# start_app: starts Headend from target/ with its own data folder and free ports. Sets APP_PID
# (the JVM), APP_HOME, BASE_URL, RTMP_URL, HLS_URL, ADMIN_PASSWORD.
start_app() {
  ensure_artifacts
  local http rtmp hls
  free_port http; free_port rtmp; free_port hls
  APP_HOME=$BENCH_TMP/app-home
  mkdir -p "$APP_HOME"
  ADMIN_PASSWORD=bench-$RANDOM-$RANDOM-$RANDOM
  export HEADEND_HOME=$APP_HOME HEADEND_HTTP_PORT=$http HEADEND_RTMP_PORT=$rtmp HEADEND_HLS_PORT=$hls \
    HEADEND_RTMP_BIND=127.0.0.1 HEADEND_HLS_BIND=127.0.0.1 HEADEND_ADMIN_PASSWORD=$ADMIN_PASSWORD
  log "starting Headend (http $http, rtmp $rtmp, hls $hls, home $APP_HOME)"
  local t0=$SECONDS
  start_micro target/headend.war "$http" "$APP_HOME/app.log"
  APP_PID=$MICRO_PID
  unset HEADEND_HOME HEADEND_HTTP_PORT HEADEND_RTMP_PORT HEADEND_HLS_PORT HEADEND_RTMP_BIND HEADEND_HLS_BIND \
    HEADEND_ADMIN_PASSWORD
  BASE_URL=http://127.0.0.1:$http
  RTMP_URL=rtmp://127.0.0.1:$rtmp/live
  HLS_URL=http://127.0.0.1:$hls/hls
  local deadline=$((SECONDS + ${APP_START_TIMEOUT:-240}))
  until curl -fs -o /dev/null "$BASE_URL/health/ready"; do
    kill -0 "$APP_PID" 2>/dev/null || die "Headend exited during start; see $APP_HOME/app.log"
    [ $SECONDS -lt $deadline ] || die "Headend not ready after ${APP_START_TIMEOUT:-240} s; see $APP_HOME/app.log"
    sleep 0.5
  done
  log "Headend ready after $((SECONDS - t0)) s (JVM pid $APP_PID)"
}

stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  stop_tree "$APP_PID" 30
  untrack "$APP_PID"
  APP_PID=
}

# api METHOD PATH [JSON]: calls the API with the bearer token; prints the body; fails on non-2xx.
api() {
  local args=(-fsS -X "$1" -H "Authorization: Bearer $TOKEN" --max-time 15)
  [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json' -d "$3")
  curl "${args[@]}" "$BASE_URL/api/v1$2"
}

login() {
  TOKEN=$(curl -fsS --max-time 15 -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE_URL/api/v1/auth/token" | json_str access_token)
  [ -n "$TOKEN" ] || die "no access token from $BASE_URL"
}

# create_stream NAME LADDER [MORE]: sets STREAM_ID and STREAM_KEY. MORE adds JSON members, e.g.
# '"public":true' (played without a token at $HLS_URL/NAME/).
create_stream() {
  local body
  body=$(api POST /streams "{\"name\":\"$1\",\"ladder\":\"$2\"${3:+,$3}}") || die "cannot create stream $1"
  STREAM_ID=$(json_str id <<<"$body")
  STREAM_KEY=$(json_str streamKey <<<"$body")
  { [ -n "$STREAM_ID" ] && [ -n "$STREAM_KEY" ]; } || die "unexpected answer to POST /streams: $body"
}

delete_stream() { api DELETE "/streams/$1?force=true" >/dev/null || log "warning: cannot delete stream $1"; }

stream_state() { api GET "/streams/$1/status" 2>/dev/null | json_str state; }

# hls_playable NAME: true once master.m3u8 is served and every variant playlist it lists has a
# segment (#EXTINF): what a player needs to start.
hls_playable() {
  local base=$HLS_URL/$1 master uri n=0
  master=$(curl -fs --max-time 2 "$base/master.m3u8") || return 1
  while IFS= read -r uri; do
    uri=${uri%$'\r'}
    case "$uri" in '' | '#'*) continue ;; esac
    n=$((n + 1))
    curl -fs --max-time 2 "$base/$uri" | grep -q '^#EXTINF' || return 1
  done <<<"$master"
  [ $n -gt 0 ]
}

# /proc figures. CPU in clock ticks (utime + stime of the process itself, not of its children).
CLK_TCK=$(getconf CLK_TCK)
proc_cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null; }
proc_start() { awk '{ sub(/^.*\) /, ""); print $20 }' "/proc/$1/stat" 2>/dev/null; }
proc_rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# Busy CPU seconds of the whole machine so far (all cores, every process), from /proc/stat.
machine_busy_seconds() {
  awk -v hz="$CLK_TCK" '/^cpu / { print ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
}

# One line on the machine, for the reports.
machine_line() {
  printf '%s cores, %s, %s, java %s, load average %s' "$(nproc)" \
    "$(. /etc/os-release 2>/dev/null && printf '%s' "${PRETTY_NAME:-?}")" \
    "$(ffmpeg -hide_banner -version 2>/dev/null | awk 'NR == 1 { print $1, $3 }')" \
    "$(java -version 2>&1 | awk -F'"' 'NR == 1 { print $2 }')" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}
# Proportional set size: shared pages (ffmpeg's libraries) counted once across processes.
proc_pss_kb() { awk '/^Pss:/ { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null; }
