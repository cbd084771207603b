#!/usr/bin/env bash
# JMH micro benchmarks (src/test/java/org/jicha/tools/bench/jmh, *Benchmark: never run by Surefire):
# FactAssembler.assemble of one customer bundle, RuleSet.evaluate of a 1,000-customer batch of the shipped rules.
#
#   bench/jmh.sh                       # all of them: 1 fork, 3 warm-up and 5 measured iterations
#   bench/jmh.sh RuleSetBenchmark      # those matching a regular expression
#   JMH_ARGS="-f 2 -wi 5 -i 10" bench/jmh.sh
#
# Builds offline from the local Maven repository when it has everything, else online (a fresh machine lacks
# JMH or the dependency plugin).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v java >/dev/null 2>&1 || { echo "bench/jmh.sh: java is missing (a JDK 17)" >&2; exit 1; }
command -v mvn >/dev/null 2>&1 || { echo "bench/jmh.sh: mvn is missing (Maven builds the benchmarks)" >&2; exit 1; }

maven() { mvn -B -o -q "$@" >/dev/null 2>&1 || mvn -B -q "$@"; }
maven test-compile
cp_file=target/jmh.classpath
maven dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
[ -f target/test-classes/META-INF/BenchmarkList ] \
  || { echo "bench/jmh.sh: no target/test-classes/META-INF/BenchmarkList: JMH's annotation processor did not run" >&2; exit 1; }

# rules/ is read relative to the working directory (the repository root), as the tests read it
exec java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main \
  ${JMH_ARGS:--f 1 -wi 3 -i 5} "${@:-org.jicha.tools.bench.jmh.}"
