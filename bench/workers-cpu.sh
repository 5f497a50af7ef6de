#!/usr/bin/env bash
# Node CPU with two streams transcoded on two workers against the same two streams transcoded on the
# node itself, in one run: the app's JVM plus all its descendants (nginx; the ffmpegs when local),
# utime+stime from /proc over a fixed window once both streams are LIVE and settled. Default
# ladder, 1280x720 publishers with a 2 s GOP (testing/Publisher). ROUNDS rounds, each measuring both
# placements, the order swapped every round; the ratio workers/local of the medians. The workers are
# network namespaces on this machine (WorkerHosts), so their CPU is the same cores': it is reported
# beside the node's, not in it. Needs root.
#
#   bench/workers-cpu.sh                  about 20 minutes (3 rounds, 60 s windows)
#   ROUNDS=1 WINDOW=20 bench/workers-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR source=run-bench.sh
. bench/run-bench.sh
run_bench WorkersCpuBench -Dbench.rounds="${ROUNDS:-3}" -Dbench.window="${WINDOW:-60}" \
  -Dbench.settle="${SETTLE:-10}" -Dbench.fps="${FPS:-30}" -Dbench.ladder="${LADDER:-default}"
