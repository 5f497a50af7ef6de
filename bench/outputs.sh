#!/usr/bin/env bash
# Restream outputs: reconnect time (a destination nginx-rtmp killed and started again on its port,
# from its return to the output LIVE in the API; median over 20 kills), and the supervisor's scale
# (100 UDP outputs copying one stream to 100 local receivers: the app JVM's own CPU and RSS with 0
# and with 100 outputs, its ffmpeg children not counted, and the time until all 100 are LIVE).
#
#   bench/outputs.sh                     about 6 minutes
#   KILLS=50 OUTPUTS=50 bench/outputs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
KILLS=${KILLS:-20}
OUTPUTS=${OUTPUTS:-100}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=OutputBench -Dbench.kills="$KILLS" -Dbench.outputs="$OUTPUTS" \
  | grep '^BENCH ' | sed 's/^BENCH //'
