#!/usr/bin/env bash
# Regenerates the benchmark tables of bench/RESULTS.md in one go.
#   bench/run.sh quick   about 8 minutes on 2 cores: the peers side by side, the commit path (warm, cold, sealed) and the
#                        snapshot cadence, short iterations (read ratios, not absolute figures)
#   bench/run.sh full    at most about 35 minutes on 2 cores: the same with longer iterations, plus the cadence's loads,
#                        the codec, the JDBC adapter beside its bare-JDBC floor and Flowable on H2 and PostgreSQL, commits
#                        with 1, 4 and 16 threads on PostgreSQL and routed to two servers by province, the retained heap per open case,
#                        and the deadline sweep, the overdue query and a monthly report over 100,000 cases on PostgreSQL
# Results: bench/target/results/<mode>-*.json and a Markdown table of each on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
MODE="${1:-quick}"
case "$MODE" in
  quick) ITER=(-f 1 -wi 2 -i 3 -w 1s -r 1s) ;;
  full)  ITER=(-f 1 -wi 3 -i 5 -w 2s -r 2s) ;;
  *) echo "usage: bench/run.sh quick|full" >&2; exit 2 ;;
esac
mvn -B -q -pl bench -am package -DskipTests
JAR=bench/target/benchmarks.jar
OUT=bench/target/results
mkdir -p "$OUT"
run() {   # run <name> <jmh arguments...>
  local name="$1"; shift
  echo "## $name ($MODE): java -jar $JAR $* ${ITER[*]} -prof gc"
  java -jar "$JAR" "$@" "${ITER[@]}" -prof gc -rf json -rff "$OUT/$MODE-$name.json" > "$OUT/$MODE-$name.log" 2>&1
  java -cp "$JAR" io.github.xinfang.bench.ResultsTable "$OUT/$MODE-$name.json"
  echo
}
run peers 'PeersBenchmark'
run lifecycle 'LifecycleBenchmark.commitLifecycle'
run cadence 'SnapshotCadenceBenchmark.commit' -p events=100
if [ "$MODE" = full ]; then
  run cadence-load 'SnapshotCadenceBenchmark.loadState'
  run codec 'CodecBenchmark'
  run durable 'FlowableBenchmark|JdbcLifecycleBenchmark.(lifecycle|bareJdbcFloor)'
  for T in 1 4 16; do run "scale-t$T" 'JdbcScaleBenchmark' -t "$T"; done
  run sharded 'ShardedScaleBenchmark' -t 4
  echo "## retained heap: java -Xmx8g -cp $JAR io.github.xinfang.bench.HeapFootprint 100000"
  java -Xmx8g -cp "$JAR" io.github.xinfang.bench.HeapFootprint 100000
  # About 4 minutes: 100,000 open cases imported into PostgreSQL, the deadline sweep twice, the overdue query, a monthly
  # report and the library's retained heap. The 1,000,000-case run (about 12 minutes) is run by hand:
  #   java -Xmx2g -cp bench/target/benchmarks.jar io.github.xinfang.bench.jdbc.SweepScale 1000000 4 no-sweep
  echo "## sweep, overdue query, report: java -Xmx2g -cp $JAR io.github.xinfang.bench.jdbc.SweepScale 100000 4"
  java -Xmx2g -cp "$JAR" io.github.xinfang.bench.jdbc.SweepScale 100000 4 2>/dev/null
fi
