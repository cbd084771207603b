#!/usr/bin/env bash
# Benchmark harness (issue 6 item 2): for each size N in $SIZES and each database in $DBS, a fresh database, the
# generated batch of N customers x 13 months loaded, the full audit, Drools vs SQL vs Java on the same data, peak
# heap per phase under -Xmx$XMX and the process's peak RSS; then one combined table from the results CSV.
#
#   bench/run.sh                                 # SIZES="10000 100000 1000000" DBS="h2 postgres"
#   SIZES=10000 DBS=h2 REPETITIONS=5 bench/run.sh
#
# Batches are generated once into bench/data/N (git-ignored; seed 20261129) and reused. PostgreSQL: the local
# server (127.0.0.1:5432, database test, trust auth, user postgres), started if it is down; the schema jicha_bench
# is dropped and made anew by each run. Exits non-zero when a run fails or its figures are inconsistent (the three
# ways disagree, rows not as generated), after printing what it has.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-10000 100000 1000000}
DBS=${DBS:-h2 postgres}
REPETITIONS=${REPETITIONS:-3}
XMX=${XMX:-1g}
SEED=${SEED:-20261129}
MONTHS=13
DATA=${BENCH_DATA:-bench/data}
RESULTS=${RESULTS:-bench/results/results-$(date -u +%Y%m%dT%H%M%SZ).csv}
JAR=target/jicha.jar

fail() { echo "bench/run.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is missing: $2"; }

need java "a JDK 17 (java on the PATH)"
need awk "awk, to print the combined table"
for db in $DBS; do
  case $db in h2|postgres) ;; *) fail "DBS: unknown database '$db' (h2 or postgres)" ;; esac
done
if [ ! -f "$JAR" ]; then
  need mvn "Maven, to build $JAR"
  echo "== building $JAR"
  mvn -B -q package -DskipTests
fi
TIMEV=()
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  TIMEV=(/usr/bin/time -v)
else
  echo "note: GNU /usr/bin/time not found (Debian package 'time'): peak RSS is not measured"
fi
if [[ " $DBS " == *" postgres "* ]]; then
  need pg_isready "the PostgreSQL client tools (Debian package postgresql-client)"
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "PostgreSQL is not accepting connections: starting it"
    need pg_ctlcluster "PostgreSQL is down and pg_ctlcluster (postgresql-common) is not there to start it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p 5432 -q || fail "PostgreSQL at 127.0.0.1:5432 did not come up"
  fi
fi

mkdir -p "$DATA" "$(dirname "$RESULTS")"
LOGS="${RESULTS%.csv}-logs"
mkdir -p "$LOGS"
[ -s "$RESULTS" ] || echo "run_at,database,customers,phase,item,metric,value" > "$RESULTS"

# peak resident set of a process timed by /usr/bin/time -v, in MiB ("-" when not measured)
peak_rss() { awk -F': *' '/Maximum resident set size/ { printf "%d", $2 / 1024; found = 1 } END { if (!found) printf "-" }' "$1" 2>/dev/null || echo -; }
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

status=0
for n in $SIZES; do
  dir="$DATA/$n"
  gen_log="$DATA/$n.generate.log"
  if [ ! -f "$dir/expected/batch.properties" ]; then
    echo "== generating $n customers x $MONTHS months into $dir"
    rm -rf "$dir" "$dir.partial"
    began=$(date +%s.%N)
    "${TIMEV[@]}" java -jar "$JAR" generate --customers "$n" --months "$MONTHS" --seed "$SEED" --out "$dir.partial" \
      > "$gen_log" 2> "$gen_log.time" || { cat "$gen_log" "$gen_log.time" >&2; fail "generating $n customers failed"; }
    ended=$(date +%s.%N)
    mv "$dir.partial" "$dir"
    cat "$gen_log"
    awk -v b="$began" -v e="$ended" 'BEGIN { printf "%.1f\n", e - b }' > "$gen_log.seconds"
  else
    echo "== $dir: generated earlier (delete it to generate anew)"
  fi
  gen_seconds=$(cat "$gen_log.seconds" 2>/dev/null || echo -)
  gen_rss=$(peak_rss "$gen_log.time")
  as_of=$(sed -n 's/^as_of=//p' "$dir/expected/batch.properties")
  [ -n "$as_of" ] || fail "$dir/expected/batch.properties names no as_of date"
  { echo "$(now),generator,$n,generate,-,seconds,$gen_seconds"
    echo "$(now),generator,$n,generate,-,peak_rss_mib,$gen_rss"; } >> "$RESULTS"

  for db in $DBS; do
    label=$([ "$db" = h2 ] && echo H2 || echo PostgreSQL)
    log="$LOGS/$db-$n"
    echo "== bench: $n customers on $label, as of $as_of, -Xmx$XMX, $REPETITIONS repetitions"
    rc=0
    "${TIMEV[@]}" java "-Xmx$XMX" -jar "$JAR" bench --data "$dir" --db "$db" --as-of "$as_of" \
      --repetitions "$REPETITIONS" --out "$RESULTS" 2> "$log.err" | tee "$log.out" || rc=$?
    grep -v -E '^\s+(Command being timed|User time|System time|Percent of CPU|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$log.err" >&2 || true
    rss=$(peak_rss "$log.err")
    echo "peak RSS of the bench process: $rss MiB"
    echo "$(now),$label,$n,process,-,peak_rss_mib,$rss" >> "$RESULTS"
    if [ "$rc" -ne 0 ]; then
      echo "bench/run.sh: bench of $n customers on $label exited $rc (see $log.err)" >&2
      echo "$(now),$label,$n,process,-,exit_code,$rc" >> "$RESULTS"
      status=1
    fi
  done
done

echo
echo "# Combined results ($RESULTS)"
bench/table.awk "$RESULTS"
exit $status
