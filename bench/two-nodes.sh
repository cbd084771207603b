#!/usr/bin/env bash
# Two nodes against one (issue 14 item 5, docs/SCALING.md "Measured"): the same partitioned full run of a generated
# batch, first with one packaged server of the Quartz cluster running its partitions, then with two; prints each
# run's wall time (audit_runs.started_at to finished_at), customers/s and the ratio, and checks that both runs found
# the same findings (by fingerprint).
#
#   bench/two-nodes.sh                          # CUSTOMERS=100000 PARTITIONS=8 THREADS=2
#   CUSTOMERS=20000 PARTITIONS=4 bench/two-nodes.sh
#
# Needs the local PostgreSQL (127.0.0.1:5432, database test, user postgres, trust) and target/jicha.jar. The schema
# jicha_nodes is dropped and made anew. Both servers run on this machine, beside PostgreSQL: on 2 cores they share the
# same CPUs, so the ratio shows how far the rate adds up here, not what a second machine would add.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS=${CUSTOMERS:-100000}
MONTHS=${MONTHS:-13}
SEED=${SEED:-20261129}
PARTITIONS=${PARTITIONS:-8}
THREADS=${THREADS:-2}
XMX=${XMX:-1g}
SCHEMA=jicha_nodes
PASSWORD='Bench-2node-pass!'
DATA=${BENCH_DATA:-bench/data}/$CUSTOMERS
[ "$MONTHS" = 13 ] || DATA="${DATA}x$MONTHS"
JAR=target/jicha.jar
PSQL=(psql -q -X -A -t -h 127.0.0.1 -U postgres -d test)

fail() { echo "bench/two-nodes.sh: $*" >&2; exit 1; }
for tool in java curl zip psql; do command -v $tool > /dev/null || fail "$tool is missing"; done
[ -f "$JAR" ] || fail "$JAR is missing: mvn -B package -DskipTests first"
pg_isready -h 127.0.0.1 -p 5432 -q || fail "PostgreSQL at 127.0.0.1:5432 is not accepting connections"

if [ ! -f "$DATA/expected/batch.properties" ]; then
  echo "== generating $CUSTOMERS customers x $MONTHS months into $DATA"
  rm -rf "$DATA" "$DATA.partial"
  java -jar "$JAR" generate --customers "$CUSTOMERS" --months "$MONTHS" --seed "$SEED" --out "$DATA.partial" > /dev/null
  mv "$DATA.partial" "$DATA"
fi
as_of=$(sed -n 's/^as_of=//p' "$DATA/expected/batch.properties")

work=$(mktemp -d "${TMPDIR:-/tmp}/jicha-two-nodes.XXXXXX")
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" > /dev/null

start_node() { # name port
  mkdir -p "$work/$1"
  JICHA_PARTITION_THREADS=$THREADS JICHA_IDLE_WAIT_MS=1000 JICHA_SECURITY_INITIAL_ADMIN_PASSWORD="$PASSWORD" \
  java "-Xmx$XMX" -jar "$JAR" \
    --spring.profiles.active=postgres,cluster \
    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&reWriteBatchedInserts=true" \
    --spring.datasource.username=postgres --spring.datasource.password= "--spring.flyway.schemas=$SCHEMA" \
    "--server.port=$2" --spring.jmx.enabled=false "--jicha.schedule.instance-id=$1" \
    "--jicha.schedule.nightly-cron=0 0 0 1 1 ? 2099" "--jicha.rules.dir=$PWD/rules" --jicha.rules.watch=false \
    --jicha.ingest.max-upload-size=4GB "--jicha.ingest.inbox=$work/$1/inbox" "--jicha.ingest.archive=$work/$1/archive" \
    "--jicha.ingest.failed=$work/$1/archive/_failed" "--jicha.reports.archive-dir=$work/$1/reports" \
    "--jicha.tickets.evidence.dir=$work/$1/evidence" > "$work/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    grep -q 'Jicha is ready' "$work/$1.log" && return 0
    kill -0 "${pids[-1]}" 2> /dev/null || { tail -30 "$work/$1.log" >&2; fail "$1 exited"; }
    sleep 1
  done
  tail -30 "$work/$1.log" >&2; fail "$1 did not start within 300 s"
}
api() { curl -sS -f -u "admin:$PASSWORD" "$@"; }

run_partitioned() { # port -> prints the run id once the run has ended
  local id status
  id=$(api -X POST "http://127.0.0.1:$1/api/runs?asOf=$as_of&partitions=$PARTITIONS" | sed -n 's/.*"id" *: *\([0-9]*\).*/\1/p' | head -1)
  [ -n "$id" ] || fail "the run did not start"
  for _ in $(seq 1 3600); do
    status=$("${PSQL[@]}" -c "SELECT status FROM $SCHEMA.audit_runs WHERE id = $id")
    case $status in RUNNING|QUEUED|'') sleep 1 ;; *) echo "$id"; return 0 ;; esac
  done
  fail "run $id did not end within an hour"
}
figures() { # run id
  "${PSQL[@]}" -F ' ' -c "SELECT status, EXTRACT(EPOCH FROM finished_at - started_at), subjects_checked,
      (SELECT COUNT(DISTINCT node) FROM $SCHEMA.audit_run_partitions p WHERE p.run_id = r.id)
    FROM $SCHEMA.audit_runs r WHERE id = $1"
}

echo "== node-1 up; loading $DATA (as of $as_of)"
start_node node-1 18091
(cd "$DATA" && zip -q -j "$work/batch.zip" ./*.csv)
api -o /dev/null -F "file=@$work/batch.zip;type=application/zip" http://127.0.0.1:18091/api/loads
"${PSQL[@]}" -c "VACUUM ANALYZE" > /dev/null 2>&1 || true

echo "== one node: $PARTITIONS partitions, $THREADS threads"
one=$(run_partitioned 18091)
read -r s1 t1 n1 k1 <<< "$(figures "$one")"
echo "run $one: $s1 in $t1 s, $n1 subjects, on $k1 node(s)"

echo "== node-2 up"
start_node node-2 18092
echo "== two nodes: $PARTITIONS partitions, $THREADS threads each"
two=$(run_partitioned 18091)
read -r s2 t2 n2 k2 <<< "$(figures "$two")"
echo "run $two: $s2 in $t2 s, $n2 subjects, on $k2 node(s)"

differ=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM (SELECT fingerprint FROM $SCHEMA.findings WHERE run_id = $one
  EXCEPT SELECT fingerprint FROM $SCHEMA.findings WHERE run_id = $two) a")
differ2=$("${PSQL[@]}" -c "SELECT COUNT(*) FROM (SELECT fingerprint FROM $SCHEMA.findings WHERE run_id = $two
  EXCEPT SELECT fingerprint FROM $SCHEMA.findings WHERE run_id = $one) a")
echo
echo "| nodes | partitions | threads per node | wall s | customers/s | nodes that ran partitions |"
echo "|---:|---:|---:|---:|---:|---:|"
awk -v t="$t1" -v c="$CUSTOMERS" -v p="$PARTITIONS" -v th="$THREADS" -v k="$k1" 'BEGIN { printf "| 1 | %d | %d | %.1f | %.0f | %d |\n", p, th, t, c / t, k }'
awk -v t="$t2" -v c="$CUSTOMERS" -v p="$PARTITIONS" -v th="$THREADS" -v k="$k2" 'BEGIN { printf "| 2 | %d | %d | %.1f | %.0f | %d |\n", p, th, t, c / t, k }'
awk -v a="$t1" -v b="$t2" 'BEGIN { printf "two nodes / one node, customers/s: %.2f\n", a / b }'
echo "findings only in the one-node run: $differ, only in the two-node run: $differ2"
[ "$s1" = COMPLETED ] && [ "$s2" = COMPLETED ] && [ "$differ" = 0 ] && [ "$differ2" = 0 ] \
  || fail "the runs did not both complete with the same findings"
