#!/usr/bin/env bash
# Multicast: pacing quality of MulticastSender against ffmpeg's own udp:// output of the same 30 s CBR-ish file
# (without and with its bitrate option), measured by one receiver on loopback; then the largest number of paced RTP
# senders (and their total bitrate) one core carries with the receivers' p99 gap deviation at or under 1 ms.
# Maven and the receivers run on core 0, the senders' JVM on core 1 (taskset). Only loopback multicast is used.
#
#   bench/multicast.sh                      about 4 minutes
#   SOURCE_SECONDS=60 STEP_SECONDS=15 SENDERS=1,8,64 bench/multicast.sh
#   SENDER_PREFIX="chrt -f 10" bench/multicast.sh   senders (ours and ffmpeg) at real-time priority (root)
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE_SECONDS=${SOURCE_SECONDS:-30}
STEP_SECONDS=${STEP_SECONDS:-8}
command -v taskset >/dev/null || { echo "taskset (util-linux) is required" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is required" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "two cores are needed: receivers on one, senders on the other" >&2; exit 1; }
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
taskset -c 0 mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=MulticastBench -Dbench.seconds="$SOURCE_SECONDS" -Dbench.stepSeconds="$STEP_SECONDS" -Dbench.senderCpu=1 \
  -Dbench.senderPrefix="${SENDER_PREFIX:-}" -Dbench.senders="${SENDERS:-1,4,8,16,24,32,48,64,96,128}" \
  | grep '^BENCH ' | sed 's/^BENCH //'
