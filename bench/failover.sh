#!/usr/bin/env bash
# Origin failover: for each kind of primary failure (local redundant packagers: kill -9, SIGSTOP;
# external origins: HTTP 500, SIGSTOP, kill -9), repeated FAILURES times, each followed by the
# primary's restore and the switch back: the time from the failure to the playback URL's media
# playlist offering a backup segment (polled every 50 ms), the longest time its newest segment
# stands still, and whether an ffmpeg reading the playback URL lives through it.
#
#   bench/failover.sh                    about 15-20 minutes (10 failures of each of 5 kinds)
#   FAILURES=3 bench/failover.sh
set -euo pipefail
cd "$(dirname "$0")/.."
FAILURES=${FAILURES:-10}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FailoverBench -Dbench.failures="$FAILURES" \
  | grep --line-buffered "^BENCH" | sed -u 's/^BENCH //'
echo "machine after: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
