#!/usr/bin/env bash
# The console's figures: push latency (a change in the app to the DOM update in the browser, ms;
# median, p99 and max over 50 changes) with 1 and with 20 signed-in consoles, and the dashboard's
# load time and page weight with 0 and with 50 streams. Real headless Chromium (Debian's), driven
# by Selenium; the app started as ./headend run starts it, on free ports.
#
#   bench/console.sh                                  about 3 minutes
#   CONSOLES=10 CHANGES=100 bench/console.sh
set -euo pipefail
cd "$(dirname "$0")/.."
CONSOLES=${CONSOLES:-20}
CHANGES=${CHANGES:-50}
LOADS=${LOADS:-10}
command -v chromium >/dev/null && command -v chromedriver >/dev/null \
  || { echo "needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)" >&2; exit 1; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConsoleBench -Dbench.consoles="$CONSOLES" -Dbench.changes="$CHANGES" -Dbench.loads="$LOADS" \
  | grep '^BENCH ' | sed 's/^BENCH //'
