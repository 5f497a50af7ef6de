#!/usr/bin/env bash
# WebRTC viewers one core carries for one stream: receive-only RTCPeerConnections added in STEPS
# in headless Chromium pages (PER_PAGE per page), Janus's CPU (/proc/<pid>/stat), the app's (JVM,
# nginx, bridge) and the browser's measured over a window at each step, every viewer's video
# packets checked to grow. Prints Janus's CPU per viewer and the viewers one core would carry
# (extrapolated unless Janus reaches a core first), and the signalling: sessions set up per
# second and the app JVM's CPU per session. PATH_KIND: whep (the app's /whep and its Janus) or
# janus (a Janus of the bench's own, fed the source directly). Then the signalling alone
# (WhepSignallingBench): SESSIONS WHEP sessions opened and closed by CONCURRENCY clients, no
# media: sessions per second, CPU ms per session of the app's JVM and of Janus. Needs root, janus,
# chromium.
#
#   bench/webrtc-viewers.sh                              about 6 minutes
#   STEPS=0,10,20,40,60 PATH_KIND=janus bench/webrtc-viewers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PATH_KIND=${PATH_KIND:-whep}
STEPS=${STEPS:-0,5,10,20,30}
PER_PAGE=${PER_PAGE:-30}
WINDOW=${WINDOW:-15}
SESSIONS=${SESSIONS:-300}
CONCURRENCY=${CONCURRENCY:-4}
for t in chromium chromedriver janus ffmpeg; do
  command -v "$t" >/dev/null || { echo "needs $t (apt-get install -y chromium chromium-driver janus ffmpeg)" >&2; exit 1; }
done
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD)" >&2
mvn -B -q -f datasource/pom.xml install -DskipTests
mvn -B -q package -DskipTests
mvn -B verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=WebRtcViewersBench,WhepSignallingBench -Dbench.sessions="$SESSIONS" -Dbench.concurrency="$CONCURRENCY" \
  -Dbench.path="$PATH_KIND" -Dbench.steps="$STEPS" \
  -Dbench.viewers-per-page="$PER_PAGE" -Dbench.seconds="$WINDOW" \
  | grep '^BENCH ' | sed 's/^BENCH //'
