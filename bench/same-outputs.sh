#!/usr/bin/env bash
# Same outputs before and after a change that must not change behaviour (a refactoring):
# runs two builds of the jar side by side on the same inputs and compares what users see.
#
#   bench/same-outputs.sh BEFORE.jar AFTER.jar [--customers N] [--data DIR --as-of YYYY-MM-DD]
#
# 1. `audit` on sample-data as of 2026-11-05: the findings CSV, byte for byte;
# 2. `audit` on a generated batch (N customers, default 20000, seed 7; `generate` of BEFORE): findings CSV,
#    byte for byte, and the planted deviations each build finds;
# (--server-only: only part 4)
# 3. optionally `audit` on a batch not in the repo (--data DIR --as-of DATE): findings CSV, byte for byte;
# 4. the server with the demo profile on a fresh H2 file database per jar: the demo run's tickets (every
#    page of /api/tickets, then each ticket), the overview, the deviation report of 2026-10 for the
#    company and each station, the feedback report of each team, the rule statistics. Fields that name
#    a moment (…At, …Time, time, date-times) or a generated id are left out; everything else must be equal.
# Prints one line per comparison (same / DIFFERENT) and exits 1 if any differs. Work folder: $WORK (temp).
set -euo pipefail
before=${1:?usage: same-outputs.sh BEFORE.jar AFTER.jar [--customers N] [--data DIR --as-of DATE]}
after=${2:?usage: same-outputs.sh BEFORE.jar AFTER.jar [--customers N] [--data DIR --as-of DATE]}
shift 2
customers=20000; data=""; asof=""; server_only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --customers) customers=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --as-of) asof=$2; shift 2 ;;
    --server-only) server_only=1; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
WORK=${WORK:-$(mktemp -d -t same-outputs.XXXXXX)}; mkdir -p "$WORK"
echo "work folder: $WORK"
status=0
compare() { # label fileA fileB
  if cmp -s "$2" "$3"; then echo "same       $1 ($(wc -l < "$2") lines)"; else
    echo "DIFFERENT  $1"; diff "$2" "$3" | head -20; status=1; fi
}
audit() { # jar data asof out
  java -Xmx1g -jar "$1" audit --data "$2" --as-of "$3" --findings-csv "$4" > "$4.log" 2>&1 || {
    rc=$?; [ $rc -eq 3 ] || { echo "audit with $1 failed ($rc): $(tail -5 "$4.log")"; exit 1; }; }
}

if [ -z "$server_only" ]; then
audit "$before" sample-data 2026-11-05 "$WORK/sample-before.csv"
audit "$after" sample-data 2026-11-05 "$WORK/sample-after.csv"
compare "sample-data findings" "$WORK/sample-before.csv" "$WORK/sample-after.csv"

java -Xmx512m -jar "$before" generate --customers "$customers" --months 13 --seed 7 --out "$WORK/gen" > /dev/null
audit "$before" "$WORK/gen" 2026-11-05 "$WORK/gen-before.csv"
audit "$after" "$WORK/gen" 2026-11-05 "$WORK/gen-after.csv"
compare "generated $customers customers findings" "$WORK/gen-before.csv" "$WORK/gen-after.csv"
planted() { # findings.csv -> planted rows found
  tail -n +2 "$WORK/gen/expected/planted.csv" | tr -d '\r' | sort > "$WORK/planted.sorted"
  awk -F, 'NR>1 {print $1","$4","$5}' "$1" | tr -d '\r' | sort -u | comm -12 - "$WORK/planted.sorted" | wc -l
}
echo "           planted found: before $(planted "$WORK/gen-before.csv"), after $(planted "$WORK/gen-after.csv") of $(tail -n +2 "$WORK/gen/expected/planted.csv" | wc -l)"

if [ -n "$data" ]; then
  audit "$before" "$data" "$asof" "$WORK/data-before.csv"
  audit "$after" "$data" "$asof" "$WORK/data-after.csv"
  compare "$data findings" "$WORK/data-before.csv" "$WORK/data-after.csv"
fi

fi

# drops moments and generated ids, sorts keys: what is left is what the audit decided
normalise='walk(if type == "object" then with_entries(select(.key | test("(At|Time|time|[Ii]d|Ids|version|Version|elapsed.*|.*Millis|hash|Hash)$") | not)) else . end)
           | walk(if type == "string" and test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T") then "<moment>" else . end)'
server() { # jar name port
  local dir="$WORK/server-$2" jar; jar=$(realpath "$1"); mkdir -p "$dir"
  # every relative folder (data, inbox, archive, reports, ...) in a folder of its own; the rules and sample shared
  local repo=$PWD
  (cd "$dir" && exec java -Xmx1g -jar "$jar" --spring.profiles.active=demo --server.port="$3" \
      --jicha.rules.dir="$repo/rules" --jicha.bootstrap.sample-data="$repo/sample-data" \
      > "$dir/server.log" 2>&1) & echo $! > "$dir/pid"
  local base="http://127.0.0.1:$3"
  for _ in $(seq 1 300); do
    if curl -sf -u supervisor:jicha-demo "$base/api/runs" 2>/dev/null | jq -e '[.content // . | .[] | select(.status == "COMPLETED")] | length > 0' > /dev/null 2>&1; then break; fi
    sleep 2
  done
  local out="$dir/answers"; mkdir -p "$out"
  get() { curl -sf -u "$1" "$base$2" | jq -S "$normalise" > "$out/$3.json"; }
  get supervisor:jicha-demo "/api/overview" overview
  get auditor:jicha-demo "/api/rules/statistics?runs=12" rule-statistics
  get supervisor:jicha-demo "/api/reports/deviation?period=2026-10" deviation-company
  for unit in QC01 QC02; do get supervisor:jicha-demo "/api/reports/deviation?period=2026-10&unit=$unit" "deviation-$unit"; done
  for team in QC01RE QC01BI QC02RE; do get supervisor:jicha-demo "/api/reports/feedback?period=2026-10&team=$team" "feedback-$team"; done
  local page=0; : > "$out/tickets.jsonl"
  while :; do
    curl -sf -u auditor:jicha-demo "$base/api/tickets?page=$page&size=200&sort=id" > "$dir/page.json"
    [ "$(jq '.content | length' "$dir/page.json")" -gt 0 ] || break
    jq -c '.content[]' "$dir/page.json" >> "$out/tickets.jsonl"
    page=$((page + 1))
  done
  jq -r '.id' "$out/tickets.jsonl" | while read -r id; do curl -sf -u auditor:jicha-demo "$base/api/tickets/$id"; echo; done \
    | jq -S -c "$normalise" | sort > "$out/ticket-details.jsonl"
  jq -S -c "$normalise" "$out/tickets.jsonl" | sort > "$out/tickets.sorted.jsonl"
  kill "$(cat "$dir/pid")"; wait "$(cat "$dir/pid")" 2>/dev/null || true
}
server "$before" before 18181
server "$after" after 18182
for f in "$WORK"/server-before/answers/*.json "$WORK"/server-before/answers/*.sorted.jsonl "$WORK"/server-before/answers/ticket-details.jsonl; do
  compare "demo server $(basename "$f")" "$f" "$WORK/server-after/answers/$(basename "$f")"
done
exit $status
