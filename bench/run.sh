#!/usr/bin/env bash
# Benchmark harness (issue 6 item 2, issue 14): for each size N in $SIZES, first the plain SQL peer
# (bench/sql-peer.sh: a bare \copy of the six main files and five catalogue checks, the SQL a utility would write) on
# PostgreSQL, then for each database in $DBS a fresh database, the generated batch of N customers x 13 months loaded,
# the full audit, Drools vs SQL vs Java on the same data, the next night, peak heap per phase under -Xmx$XMX and the
# process's peak RSS; then one combined table from the results CSV, with Jicha's load and audit against the peer's.
#
#   bench/run.sh                                 # SIZES="10000 100000 1000000" DBS="h2 postgres"
#   SIZES=10000 DBS=h2 REPETITIONS=5 bench/run.sh
#   SIZES=200000 MONTHS=14 DBS=postgres REPETITIONS=1 bench/run.sh   # the county batch of issue 14
#   PEER=0 bench/run.sh                          # without the SQL peer (it needs the local PostgreSQL)
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
MONTHS=${MONTHS:-13}
DATA=${BENCH_DATA:-bench/data}
RESULTS=${RESULTS:-bench/results/results-$(date -u +%Y%m%dT%H%M%SZ).csv}
JAR=target/jicha.jar
PEER=${PEER:-1}

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
if [[ " $DBS " == *" postgres "* ]] || [ "$PEER" = 1 ]; then
  [ "$PEER" = 1 ] && need psql "the PostgreSQL client (Debian package postgresql-client), for the SQL peer"
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
  dir="$DATA/$n"; [ "$MONTHS" = 13 ] || dir="$DATA/${n}x$MONTHS"
  gen_log="$dir.generate.log"
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
    echo "$(now),generator,$n,generate,-,peak_rss_mib,$gen_rss"
    echo "$(now),generator,$n,generate,-,months,$MONTHS"; } >> "$RESULTS"

  if [ "$PEER" = 1 ]; then
    # the peer a utility would pick instead: the same files, the same as-of date, on the same machine, just before
    # Jicha's runs (side by side in one sitting); its findings of the five rules against the generator's planted list
    echo "== SQL peer: $n customers on PostgreSQL (bench/sql-peer.sh), as of $as_of"
    peer_out="$LOGS/peer-$n.out"; peer_findings="$LOGS/peer-$n-findings.csv"
    if bench/sql-peer.sh "$dir" "$as_of" "$peer_findings" > "$peer_out" 2> "$peer_out.err"; then
      cat "$peer_out"
      figures=$(tail -1 "$peer_out")
      peer_load=$(sed -n 's/.*load_s=\([0-9.]*\).*/\1/p' <<< "$figures")
      peer_checks=$(sed -n 's/.*checks_s=\([0-9.]*\).*/\1/p' <<< "$figures")
      peer_rows=$(awk -F= '/^rows\.(customers|meters|readings|tariffs|bills|applications)\.csv=/ { n += $2 } END { print n + 0 }' \
        "$dir/expected/batch.properties")
      planted_equal=no
      if diff <(grep -E '^BIL-0(1|2|6|7|8),' "$dir/expected/planted.csv" | tr -d '\r' | cut -d, -f1,3 | sort) \
              <(cut -d, -f1,2 "$peer_findings" | sort) > /dev/null; then planted_equal=yes; fi
      { echo "$(now),SQL peer,$n,peer,-,load_ms,$(awk -v s="$peer_load" 'BEGIN { printf "%d", s * 1000 }')"
        echo "$(now),SQL peer,$n,peer,-,load_rows,$peer_rows"
        echo "$(now),SQL peer,$n,peer,-,checks_ms,$(awk -v s="$peer_checks" 'BEGIN { printf "%d", s * 1000 }')"
        echo "$(now),SQL peer,$n,peer,-,findings,$(wc -l < "$peer_findings" | tr -d ' ')"
        echo "$(now),SQL peer,$n,peer,-,equals_planted,$planted_equal"; } >> "$RESULTS"
    else
      cat "$peer_out" "$peer_out.err" >&2
      echo "bench/run.sh: the SQL peer on $n customers failed (see $peer_out.err)" >&2
      echo "$(now),SQL peer,$n,peer,-,exit_code,1" >> "$RESULTS"
      status=1
    fi
  fi

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
