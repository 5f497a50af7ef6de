#!/usr/bin/env bash
# Playback throughput and viewers: wrk (-t2 -c100 -d10s) against the signed playbackUrl of a live
# protected stream (nginx checks the token with secure_link on every request) and against a plain
# nginx serving the same files statically, interleaved in one run for the media playlist and for a
# segment; then VIEWERS simulated players reloading the media playlist every 2 s and fetching each
# new segment, with the playlist latency, errors, the headend_viewers count and the app's CPU.
#
#   bench/playback.sh                       about 4 minutes
#   ROUNDS=5 VIEWERS=2000 bench/playback.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
VIEWERS=${VIEWERS:-1000}
command -v wrk >/dev/null || { [ "$(id -u)" -eq 0 ] && apt-get install -y -qq wrk >/dev/null; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=PlaybackBench -Dbench.rounds="$ROUNDS" -Dbench.viewers="$VIEWERS" \
  | grep '^BENCH ' | sed 's/^BENCH //'
