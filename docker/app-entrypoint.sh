#!/bin/sh
# Entrypoint of the Headend app image: checks what would otherwise fail late and obscurely, then
# replaces itself with Payara Micro so the JVM gets the signals (tini is PID 1 above it).
set -eu

die() { printf 'headend-entrypoint: %s\n' "$*" >&2; exit 1; }

: "${HEADEND_HOME:?HEADEND_HOME must be set}"
: "${HEADEND_HTTP_PORT:=8080}"

# Without the shared secret the app would invent one nginx cannot know, and every publish would be
# refused with 403. With nginx in its own container both sides must be given the same value.
if [ "${HEADEND_NGINX_MANAGED:-true}" = "false" ] && [ -z "${HEADEND_HOOKS_SECRET:-}" ]; then
  die "HEADEND_HOOKS_SECRET must be set (the same value as in the nginx-rtmp container)"
fi

# The image runs as uid 10001: a volume mounted with another owner is found here, not when the
# first ffmpeg fails to write a segment.
for dir in "$HEADEND_HOME" "$HEADEND_HOME/hls"; do
  mkdir -p "$dir" 2>/dev/null || true
  [ -w "$dir" ] || die "$dir is not writable by uid $(id -u); mount a volume owned by uid $(id -u) there"
done

# JAVA_OPTS holds several options: it is split on spaces on purpose.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -jar /opt/headend/payara-micro.jar \
  --deploy /opt/headend/headend.war --contextroot / --port "$HEADEND_HTTP_PORT" \
  --nocluster --disablephonehome "$@"
