#!/usr/bin/env bash
# Publish-to-playable latency: seconds from the moment an RTMP publisher starts to the moment the
# stream is playable over HLS, i.e. master.m3u8 is served and EVERY variant playlist it lists holds
# at least one #EXTINF. Side by side, in the same run and for the same publisher, nginx-rtmp's own
# HLS (`hls on; hls_fragment 2s;`) in a second nginx-rtmp this script starts: the publisher sends
# one encode to both at once (ffmpeg's tee muxer), and each run reports Headend / nginx-hls. After
# each run the same publisher is sent to that nginx alone (nginx-alone), which shows nginx-hls
# without Headend's on_publish wait. Ladders are interleaved run by run, a new stream each run.
#
#   bench/publish-to-playable.sh                  starts Headend from target/ on free loopback ports
#   RUNS=10 LADDERS=default bench/publish-to-playable.sh
#   BASE_URL=http://127.0.0.1:8080 RTMP_URL=rtmp://127.0.0.1:1935/live HLS_URL=http://127.0.0.1:8081/hls \
#     ADMIN_PASSWORD=... bench/publish-to-playable.sh          uses an app that is already running
#
# The publisher is a live 1280x720@30 testsrc2 + 48 kHz sine, libx264 ultrafast with a 2 s GOP
# (-g 60), AAC, FLV, paced in real time. Also reported, to split the latency into its steps: when
# the transcoder (ffmpeg) was started and when the publish was accepted (the app's log), when ffmpeg
# first reported encoded frames (GET /streams/{id}/status, every 0.25 s), when the first segment
# and the master playlist were written (file times), and when the status first said LIVE. The
# app-log and file figures need the app this script starts. Streams are created public, so their
# HLS plays without a token.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

RUNS=${RUNS:-7}
LADDERS=${LADDERS:-default passthrough}
RUN_TIMEOUT=${RUN_TIMEOUT:-60}     # seconds one run may take before it counts as failed
POLL=${POLL:-0.02}                 # seconds between two looks at the playlists
NGINX_RTMP_MODULE=${NGINX_RTMP_MODULE:-/usr/lib/nginx/modules/ngx_rtmp_module.so}

require_tools ffmpeg curl ss awk nginx stat
[ -f "$NGINX_RTMP_MODULE" ] || die "no nginx-rtmp module at $NGINX_RTMP_MODULE (apt-get install -y libnginx-mod-rtmp)"
log "machine: $(machine_line)"
if [ -n "${BASE_URL:-}" ]; then
  : "${RTMP_URL:?set RTMP_URL with BASE_URL}" "${HLS_URL:?set HLS_URL with BASE_URL}"
  : "${ADMIN_PASSWORD:?set ADMIN_PASSWORD with BASE_URL}"
  log "using the running app at $BASE_URL"
else
  start_app
fi
login

# The reference: a second nginx-rtmp with its own HLS on, as nginx-rtmp's documentation sets it up
# (2 s fragments like Headend's segments), serving its playlists over HTTP on loopback.
start_reference_nginx() {
  local dir=$BENCH_TMP/nginx-hls rtmp http
  free_port rtmp; free_port http
  mkdir -p "$dir/hls" "$dir/tmp" "$dir/logs"
  cat >"$dir/nginx.conf" <<EOF
load_module $NGINX_RTMP_MODULE;
# Workers write the HLS files into this script's private temp folder: they run as its user.
user $(id -un) $(id -gn);
worker_processes 1;
pid $dir/logs/nginx.pid;
daemon off;
error_log $dir/logs/error.log warn;
events { worker_connections 256; }
rtmp {
    server {
        listen 127.0.0.1:$rtmp;
        chunk_size 4096;
        application live {
            live on;
            record off;
            hls on;
            hls_path $dir/hls;
            hls_fragment 2s;
        }
    }
}
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
    server {
        listen 127.0.0.1:$http;
        location /hls/ { alias $dir/hls/; }
    }
}
EOF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" </dev/null >"$dir/logs/stdout.log" 2>&1 &
  REF_PID=$!
  track "$REF_PID"
  REF_DIR=$dir
  REF_RTMP_URL=rtmp://127.0.0.1:$rtmp/live
  REF_HLS_URL=http://127.0.0.1:$http/hls
  local deadline=$((SECONDS + 10))
  until [ -n "$(ss -Htln "( sport = :$rtmp )")" ] && curl -s -o /dev/null "$REF_HLS_URL/"; do
    kill -0 "$REF_PID" 2>/dev/null || die "the reference nginx-rtmp exited; see $dir/logs/error.log"
    [ $SECONDS -lt $deadline ] || die "the reference nginx-rtmp is not listening after 10 s"
    sleep 0.1
  done
  log "reference nginx-rtmp with hls on (rtmp ${rtmp}, http ${http}, pid $REF_PID)"
}
start_reference_nginx

# log_offset PATTERN T0: seconds from T0 (epoch) to the app-log line containing PATTERN (Payara's
# [timeMillis: ...] of that record), or nothing.
log_offset() {
  [ -n "${APP_HOME:-}" ] && [ -f "$APP_HOME/app.log" ] || return 0
  awk -v pat="$1" -v t0="$2" '
    match($0, /timeMillis: [0-9]+/) { ms = substr($0, RSTART + 12, RLENGTH - 12) }
    index($0, pat) && ms { printf "%.2f", ms / 1000 - t0; exit }' "$APP_HOME/app.log"
}

# file_offset T0 FILE...: seconds from T0 to the earliest modification time of the files, or nothing.
file_offset() {
  local t0=$1; shift
  [ $# -gt 0 ] && [ -e "$1" ] || return 0
  stat -c '%.6Y' "$@" | sort -g | head -n 1 | awk -v t0="$t0" '{ printf "%.2f", $1 - t0 }'
}

since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

# The publisher's sources are paced by ffmpeg's realtime filters rather than -re: -re keeps the
# clock of the moment ffmpeg started, so whatever it encoded while the tee muxer waited for both
# publishes to be accepted would be sent in a burst, as no real encoder does (OBS, or ffmpeg with a
# plain rtmp:// output, start their media once the publish is accepted). The filters restart their
# clock after any wait longer than 0.1 s instead. Both sides of the tee therefore get their first
# frame once BOTH publishes are accepted, so the nginx-hls figure includes Headend's on_publish
# wait too; the nginx-alone run (the same publisher to nginx only) shows nginx-hls without it.
# The publisher's connections set TCP_NODELAY, as OBS's librtmp does: without it every step of the
# RTMP handshake waits for a delayed ACK.
PUB_SOURCES=(-f lavfi -i "testsrc2=size=1280x720:rate=30,realtime=limit=0.1"
  -f lavfi -i "sine=frequency=440:sample_rate=48000,arealtime=limit=0.1")
PUB_ENCODE=(-map 0:v -map 1:a -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 60 -keyint_min 60 -b:v 3000k
  -c:a aac -b:a 128k -ac 2)

# start_publisher KEY NAME LOGFILE: one encode, sent to the reference nginx (under the name) and to
# Headend (under the key). Sets PUB_PID.
start_publisher() {
  ffmpeg -hide_banner -nostdin -loglevel warning "${PUB_SOURCES[@]}" "${PUB_ENCODE[@]}" -flags +global_header \
    -f tee "[f=flv:tcp_nodelay=1]$REF_RTMP_URL/$2|[f=flv:tcp_nodelay=1]$RTMP_URL/$1" </dev/null >"$3" 2>&1 &
  PUB_PID=$!
  track "$PUB_PID"
}

# nginx_alone NAME LOGFILE: seconds from the start of the same publisher, sent to the reference
# nginx only, to its HLS playlist holding a segment; nothing when that took over RUN_TIMEOUT.
nginx_alone() {
  local t0 pid deadline t=""
  t0=$EPOCHREALTIME
  ffmpeg -hide_banner -nostdin -loglevel warning "${PUB_SOURCES[@]}" "${PUB_ENCODE[@]}" \
    -tcp_nodelay 1 -f flv "$REF_RTMP_URL/$1" </dev/null >"$2" 2>&1 &
  pid=$!
  track "$pid"
  deadline=$((SECONDS + RUN_TIMEOUT))
  while [ $SECONDS -lt $deadline ] && kill -0 "$pid" 2>/dev/null; do
    if has_segment "$REF_DIR/hls/$1.m3u8" && curl -fs --max-time 2 "$REF_HLS_URL/$1.m3u8" | grep -q '^#EXTINF'; then
      t=$(since "$t0")
      break
    fi
    pause "$POLL"
  done
  stop_tree "$pid" 5; untrack "$pid"
  printf '%s' "$t"
}

# frames_of: the transcoder's frame count in the stream status JSON on stdin (0 when absent).
frames_of() { sed -n 's/.*"frames" *: *\([0-9]*\).*/\1/p' | awk '{ n = $1 } END { print n + 0 }'; }

# The polling below forks no process per look (a process per look, 20 looks a second, took CPU
# from the transcoder being measured): files are read with shell builtins, and only a look that finds
# the stream playable on disk is confirmed over HTTP, as a player would fetch it. The status is
# polled apart (watch_status).
exec {PAUSE_FD}<> <(:)
pause() { read -r -t "$1" -u "$PAUSE_FD" _ || true; }

# has_segment FILE: the playlist FILE exists and lists a segment.
has_segment() {
  local body=""
  [ -f "$1" ] || return 1
  read -r -d '' body <"$1" || true
  [[ $body == *'#EXTINF'* ]]
}

# files_playable DIR: master.m3u8 in DIR, and every variant playlist it lists has a segment.
files_playable() {
  local dir=$1 master="" uri n=0
  [ -f "$dir/master.m3u8" ] || return 1
  read -r -d '' master <"$dir/master.m3u8" || true
  while IFS= read -r uri; do
    uri=${uri%$'\r'}
    case "$uri" in '' | '#'*) continue ;; esac
    n=$((n + 1))
    has_segment "$dir/$uri" || return 1
  done <<<"$master"
  [ $n -gt 0 ]
}

# watch_status ID T0 FILE: in the background, the stream's status every 0.25 s (ffmpeg reports
# progress at that pace), so a slow API answer never delays a look at the playlists. Writes the
# seconds since T0 at which encoded frames were first reported to FILE.frames, and when the state
# first said LIVE to FILE.live.
watch_status() {
  local status
  while [ ! -f "$3.frames" ] || [ ! -f "$3.live" ]; do
    status=$(api GET "/streams/$1/status" 2>/dev/null || true)
    [ -f "$3.frames" ] || [ "$(frames_of <<<"$status")" -eq 0 ] || since "$2" >"$3.frames"
    # The stream's own state: JSON-B writes members in alphabetical order, so after the renditions'.
    [ -f "$3.live" ] || [ "$(json_str state <<<"$status")" != LIVE ] || since "$2" >"$3.live"
    sleep 0.25
  done
}

# first_line FILE: the file's first line, read with a builtin; nothing when there is no file.
first_line() { local line=""; [ -f "$1" ] && read -r line <"$1"; printf '%s' "$line"; }

declare -A PLAY REF ALONE RATIO RATIO_ALONE LIVE FAILS ACCEPT SPAWN FRAME SEG MASTER
for ladder in $LADDERS; do
  PLAY[$ladder]="" REF[$ladder]="" ALONE[$ladder]="" RATIO[$ladder]="" RATIO_ALONE[$ladder]="" FAILS[$ladder]=0
  LIVE[$ladder]="" ACCEPT[$ladder]="" SPAWN[$ladder]="" FRAME[$ladder]="" SEG[$ladder]="" MASTER[$ladder]=""
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for run in $(seq "$RUNS"); do
  for ladder in $LADDERS; do
    name=bench-$ladder-$run-$RANDOM
    create_stream "$name" "$ladder" '"public":true'   # played at $HLS_URL/NAME/ without a token
    publog=$BENCH_TMP/publisher-$name.log
    t0=$EPOCHREALTIME
    start_publisher "$STREAM_KEY" "$name" "$publog"
    t_play="" t_ref="" t_seg="" t_master=""
    watch_status "$STREAM_ID" "$t0" "$BENCH_TMP/status-$name" &
    WATCH_PID=$!
    track "$WATCH_PID"
    deadline=$((SECONDS + RUN_TIMEOUT))
    while [ $SECONDS -lt $deadline ]; do
      if [ -z "$t_play" ] && { [ -z "${APP_HOME:-}" ] || files_playable "$APP_HOME/hls/$name"; } \
        && hls_playable "$name"; then
        t_play=$(since "$t0")
        if [ -n "${APP_HOME:-}" ]; then
          t_seg=$(file_offset "$t0" "$APP_HOME"/hls/"$name"/*/seg_*.ts)
          t_master=$(file_offset "$t0" "$APP_HOME/hls/$name/master.m3u8")
        fi
      fi
      if [ -z "$t_ref" ] && has_segment "$REF_DIR/hls/$name.m3u8" \
        && curl -fs --max-time 2 "$REF_HLS_URL/$name.m3u8" | grep -q '^#EXTINF'; then
        t_ref=$(since "$t0")
      fi
      [ -n "$t_play" ] && [ -n "$t_ref" ] && [ -f "$BENCH_TMP/status-$name.live" ] && break
      kill -0 "$PUB_PID" 2>/dev/null || { log "publisher exited early: $(tail -n 3 "$publog")"; break; }
      pause "$POLL"
    done
    stop_tree "$WATCH_PID" 2; untrack "$WATCH_PID"
    t_frame=$(first_line "$BENCH_TMP/status-$name.frames")
    t_live=$(first_line "$BENCH_TMP/status-$name.live")
    stop_tree "$PUB_PID" 5; untrack "$PUB_PID"
    delete_stream "$STREAM_ID"
    t_accept=$(log_offset "is live on stream $name" "$t0")
    t_spawn=$(log_offset "Transcoding stream $name " "$t0")
    sleep 1   # let the publisher's publish_done and the transcoder's stop settle
    t_alone=$(nginx_alone "$name-alone" "$BENCH_TMP/publisher-$name-alone.log")
    if [ -n "$t_play" ] && [ -n "$t_ref" ] && [ -n "$t_alone" ]; then
      r=$(ratio "$t_play" "$t_ref") r_alone=$(ratio "$t_play" "$t_alone")
      PLAY[$ladder]+="$t_play " REF[$ladder]+="$t_ref " ALONE[$ladder]+="$t_alone "
      RATIO[$ladder]+="$r " RATIO_ALONE[$ladder]+="$r_alone "
      [ -n "$t_live" ] && LIVE[$ladder]+="$t_live "
      [ -n "$t_accept" ] && ACCEPT[$ladder]+="$t_accept "
      [ -n "$t_spawn" ] && SPAWN[$ladder]+="$t_spawn "
      [ -n "$t_frame" ] && FRAME[$ladder]+="$t_frame "
      [ -n "$t_seg" ] && SEG[$ladder]+="$t_seg "
      [ -n "$t_master" ] && MASTER[$ladder]+="$t_master "
      log "$ladder run $run: playable after $t_play s; nginx-hls $t_ref s (ratio $r), nginx alone $t_alone s" \
        "(ratio $r_alone); steps: ffmpeg started ${t_spawn:-?}, publish accepted ${t_accept:-?}," \
        "first frames ${t_frame:-?}, first segment ${t_seg:-?}, master ${t_master:-?}, API LIVE ${t_live:-?};" \
        "load $(cut -d' ' -f1 /proc/loadavg)"
    else
      FAILS[$ladder]=$((FAILS[$ladder] + 1))
      log "$ladder run $run: NOT playable within $RUN_TIMEOUT s (Headend ${t_play:--}, nginx-hls ${t_ref:--}," \
        "nginx alone ${t_alone:--})"
    fi
    sleep 1
  done
done

echo
echo "publish-to-playable, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "commit $(git -C "$BENCH_ROOT" rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "Seconds from the publisher's start to playable HLS, median min-max. Headend: master + every variant"
echo "has #EXTINF. nginx-hls: the same publisher's stream (tee) in nginx-rtmp's own HLS, playlist has #EXTINF."
echo "nginx-alone: the same publisher sent to that nginx only. Ratios: Headend / nginx, per run."
echo "Steps (medians): ffmpeg started, publish accepted, first frames reported, first segment, master, API LIVE."
triple() { [ $# -gt 0 ] && printf '%.2f %s-%s' "$(median "$@")" "$(minimum "$@")" "$(maximum "$@")" || printf -- -; }
med() { [ $# -gt 0 ] && printf '%.2f' "$(median "$@")" || printf -- -; }
printf '%-12s %4s %6s  %-16s %-16s %-16s %-16s %-16s %s\n' ladder runs failed Headend nginx-hls ratio \
  nginx-alone ratio-alone "steps"
for ladder in $LADDERS; do
  # shellcheck disable=SC2086
  if [ -n "${PLAY[$ladder]}" ]; then
    set -- ${PLAY[$ladder]}
    printf '%-12s %4s %6s  %-16s %-16s %-16s %-16s %-16s %s %s %s %s %s %s\n' "$ladder" $# "${FAILS[$ladder]}" \
      "$(triple ${PLAY[$ladder]})" "$(triple ${REF[$ladder]})" "$(triple ${RATIO[$ladder]})" \
      "$(triple ${ALONE[$ladder]})" "$(triple ${RATIO_ALONE[$ladder]})" \
      "$(med ${SPAWN[$ladder]})" "$(med ${ACCEPT[$ladder]})" "$(med ${FRAME[$ladder]})" \
      "$(med ${SEG[$ladder]})" "$(med ${MASTER[$ladder]})" "$(med ${LIVE[$ladder]})"
  else
    printf '%-12s %4s %6s\n' "$ladder" 0 "${FAILS[$ladder]}"
  fi
done
fails=0
for ladder in $LADDERS; do fails=$((fails + FAILS[$ladder])); done
[ $fails -eq 0 ]
