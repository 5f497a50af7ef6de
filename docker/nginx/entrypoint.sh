#!/usr/bin/env bash
# Entrypoint of Headend's nginx-rtmp image. nginx does not expand environment variables, so this
# renders nginx.conf from the template with envsubst (only the variables named in VARS below),
# tests it, and runs nginx in the foreground.
#
# nginx resolves the host of the on_publish/on_publish_done URLs once, when it reads its config,
# and the 'allow play' / '/stat' rules hold the app container's addresses. When the app container
# is recreated it may get another address, so this script looks the app up again every
# HEADEND_APP_RECHECK_SECONDS and, on a change, renders the config again and restarts nginx.
# A restart rather than a reload: after a reload the publishers stay on the old worker, which the
# new worker's /stat does not report; restarting cuts them, the encoders reconnect, and the new
# app instance authorizes them again through on_publish, as when the app runs nginx itself.
set -euo pipefail

say() { printf 'headend-nginx: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

TEMPLATE=${HEADEND_NGINX_TEMPLATE:-/etc/headend-nginx/nginx.conf.template}
export NGINX_PREFIX=${NGINX_PREFIX:-/var/lib/headend-nginx}
export HEADEND_RTMP_PORT=${HEADEND_RTMP_PORT:-1935}
export HEADEND_HLS_PORT=${HEADEND_HLS_PORT:-8081}
export HEADEND_HLS_ROOT=${HEADEND_HLS_ROOT:-/srv/hls}
APP_HOST=${HEADEND_APP_HOST:-app}
APP_PORT=${HEADEND_APP_PORT:-8080}
RECHECK=${HEADEND_APP_RECHECK_SECONDS:-10}
CONF=$NGINX_PREFIX/conf/nginx.conf
# envsubst's SHELL-FORMAT: only these are replaced; nginx's own $variables stay as they are.
# shellcheck disable=SC2016
VARS='${NGINX_PREFIX} ${HEADEND_RTMP_PORT} ${HEADEND_HLS_PORT} ${HEADEND_HLS_ROOT} ${HOOK_BASE} ${HEADEND_HOOKS_SECRET} ${APP_PLAY_ALLOW} ${APP_STAT_ALLOW}'

: "${HEADEND_HOOKS_SECRET:?HEADEND_HOOKS_SECRET must be set, to the same value as in the app container}"
export HEADEND_HOOKS_SECRET
# The secret travels as ?secret=... in the callback URLs: only characters that need no escaping,
# and long enough not to be guessed.
[[ $HEADEND_HOOKS_SECRET =~ ^[A-Za-z0-9._~-]{16,}$ ]] ||
  die "HEADEND_HOOKS_SECRET must be at least 16 characters from A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 32)"
for port in "$HEADEND_RTMP_PORT" "$HEADEND_HLS_PORT" "$APP_PORT"; do
  [[ $port =~ ^[0-9]{1,5}$ ]] || die "not a port number: '$port'"
done
[[ $RECHECK =~ ^[1-9][0-9]*$ ]] || die "HEADEND_APP_RECHECK_SECONDS must be a positive number of seconds"
[ -r "$TEMPLATE" ] || die "cannot read the template $TEMPLATE"
[ -d "$HEADEND_HLS_ROOT" ] || say "warning: $HEADEND_HLS_ROOT does not exist; mount the app's HLS volume there"
export HOOK_BASE="http://$APP_HOST:$APP_PORT/api/hooks/rtmp"

# The app container's addresses (IPv4 or IPv6 only), sorted, on one line; empty while its name
# does not resolve.
app_addresses() {
  getent ahosts "$APP_HOST" 2>/dev/null | awk '$1 ~ /^[0-9.]+$/ || ($1 ~ /:/ && $1 ~ /^[0-9A-Fa-f:.]+$/) { print $1 }' | sort -u |
    paste -sd ' ' - || true
}

# Writes the config for the given addresses to $1 and tests it with nginx -t.
render() {
  local out=$1 addresses=$2 address
  APP_PLAY_ALLOW="" APP_STAT_ALLOW=""
  for address in $addresses; do
    APP_PLAY_ALLOW+="            allow play $address;"$'\n'
    APP_STAT_ALLOW+="            allow $address;"$'\n'
  done
  export APP_PLAY_ALLOW=${APP_PLAY_ALLOW%$'\n'} APP_STAT_ALLOW=${APP_STAT_ALLOW%$'\n'}
  # The config holds the hooks secret: readable by this user only.
  (umask 077 && envsubst "$VARS" <"$TEMPLATE" >"$out")
  nginx -t -q -p "$NGINX_PREFIX" -e stderr -c "$out"
}

mkdir -p "$NGINX_PREFIX"/{conf,run,tmp}

# compose starts this container after the app container, but its name may take a moment to
# resolve; nginx -t would fail on an unresolvable on_publish host.
addresses=$(app_addresses)
waited=0
while [ -z "$addresses" ]; do
  [ $((waited % 30)) -eq 0 ] && say "waiting for '$APP_HOST' to resolve"
  sleep 1
  waited=$((waited + 1))
  addresses=$(app_addresses)
done
render "$CONF" "$addresses" || die "the rendered configuration $CONF is not valid"

nginx_pid=""
start_nginx() {
  say "starting nginx-rtmp: RTMP on $HEADEND_RTMP_PORT, HLS on $HEADEND_HLS_PORT, app at $APP_HOST ($addresses)"
  nginx -p "$NGINX_PREFIX" -e stderr -c "$CONF" &
  nginx_pid=$!
}

stopping=""
stop_nginx() {
  # TERM is nginx's fast shutdown; a graceful QUIT would wait for every publisher to leave.
  kill -TERM "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" 2>/dev/null || true
}
trap 'stopping=1; kill -TERM "$nginx_pid" 2>/dev/null || true' TERM INT

rejected=""
start_nginx
while kill -0 "$nginx_pid" 2>/dev/null && [ -z "$stopping" ]; do
  # sleep in the background so a TERM is handled at once, not after the sleep.
  sleep "$RECHECK" &
  wait $! || true
  [ -n "$stopping" ] && break
  now=$(app_addresses)
  # Not resolvable (the app container is being recreated): keep what runs until it is back.
  if [ -z "$now" ] || [ "$now" = "$addresses" ] || [ "$now" = "$rejected" ]; then
    continue
  fi
  if render "$CONF.new" "$now"; then
    say "the app's address changed ($addresses -> $now): restarting nginx-rtmp"
    mv -f "$CONF.new" "$CONF"
    addresses=$now
    stop_nginx
    start_nginx
  else
    say "the app's address changed to $now but the new configuration is not valid; keeping the old one"
    rejected=$now
    rm -f "$CONF.new"
  fi
done

# nginx's own exit status (0 after a TERM): with a restart policy, Docker starts the container again
# when nginx died by itself.
status=0
wait "$nginx_pid" || status=$?
exit "$status"
