# shellcheck shell=bash
# Shared by the workers' bench scripts: sourced, never run. run_bench CLASS [-Dprop=value ...] builds
# the app offline, runs the *Bench class under Failsafe (the suite's ITs are not run: -Dit.test picks
# the class, *Bench is not in Failsafe's includes, so ./headend test never runs it), keeps the whole
# output in target/bench-logs/ and prints the BENCH lines as they come.
run_bench() {
  local class=$1 log
  shift
  [ "$(id -u)" = 0 ] || { echo "needs root: worker hosts are network namespaces with their own sshd" >&2; exit 1; }
  mkdir -p target/bench-logs
  log=target/bench-logs/$class-$(date +%Y%m%dT%H%M%S).log
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git rev-parse --short HEAD), log $log" >&2
  mvn -B -q -o package -DskipTests
  mvn -B -o verify -Dspotless.check.skip=true -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$class" "$@" | tee "$log" | grep --line-buffered '^BENCH' | sed -u 's/^BENCH //' || true
  echo "machine after: load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  grep -q '^BENCH [a-z]' "$log" && grep -q 'BUILD SUCCESS' "$log" || { echo "no figures or a failure; see $log" >&2; exit 1; }
}
