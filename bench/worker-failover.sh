#!/usr/bin/env bash
# Worker failover: one live stream (default ladder, a 1280x720 publisher with a 2 s GOP) on one of
# two workers; the worker it runs on is lost FAILURES times for each kind (link cut, sshd killed,
# host frozen), restored after each (and waited for until UP). Reports, from the loss: the time until
# the playback URL offers a new segment that downloads (polled every 100 ms), until the packager
# runs on the other worker, until the lost worker is DOWN; median and max. Needs root.
#
#   bench/worker-failover.sh              about 30 minutes (10 losses of each of 3 kinds)
#   FAILURES=2 KINDS=link-cut bench/worker-failover.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source-path=SCRIPTDIR source=run-bench.sh
. bench/run-bench.sh
run_bench WorkerFailoverBench -Dbench.failures="${FAILURES:-10}" \
  -Dbench.kinds="${KINDS:-link-cut,sshd-killed,frozen}" -Dbench.fps="${FPS:-30}" -Dbench.ladder="${LADDER:-default}"
