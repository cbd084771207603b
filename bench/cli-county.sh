#!/usr/bin/env bash
# The command line at county size (issue 11, item 9): `jicha audit` on a generated batch of $CUSTOMERS customers x
# $MONTHS months under -Xmx$XMX, timed by GNU time. Prints the rows loaded, the wall time, the peak RSS, the findings
# per rule against the planted deviations (the generator's oracle, expected/planted.csv), and whether the findings of
# the planted rules are exactly the planted list; exits 1 if not, or if the command fails or leaves its temporary
# database behind.
#
#   bench/cli-county.sh                               # CUSTOMERS=200000 MONTHS=14 XMX=1g
#   CUSTOMERS=20000 XMX=256m bench/cli-county.sh
#
# The batch is generated once into $COUNTY_DATA (default: a folder under ${TMPDIR:-/tmp} named after its size and
# seed, outside the repository; 605 MB at 200,000 x 14) and reused; delete it to generate anew. The audit's
# temporary database goes to java.io.tmpdir (JAVA_TMPDIR, default ${TMPDIR:-/tmp}): about 3 times the batch, 1.8 GB
# at 200,000 x 14; keep it off a small tmpfs. On a shared build machine run it under the build
# lock, e.g. `flock /tmp/jicha-maven.lock bench/cli-county.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

CUSTOMERS=${CUSTOMERS:-200000}
MONTHS=${MONTHS:-14}
SEED=${SEED:-20261207}
XMX=${XMX:-1g}
TMP=${TMPDIR:-/tmp}
DATA=${COUNTY_DATA:-$TMP/jicha-county-${CUSTOMERS}x${MONTHS}-seed${SEED}}
JAVA_TMPDIR=${JAVA_TMPDIR:-$TMP}
JAR=target/jicha.jar

fail() { echo "bench/cli-county.sh: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || fail "$1 is missing: $2"; }

need java "a JDK 17 (java on the PATH)"
need awk "awk, to compare the findings with the planted list"
[ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1 \
  || fail "GNU time is missing (Debian package 'time'): wall time and peak RSS are measured with /usr/bin/time -v"
if [ ! -f "$JAR" ]; then
  need mvn "Maven, to build $JAR"
  echo "== building $JAR"
  mvn -B -q package -DskipTests
fi

if [ ! -f "$DATA/expected/batch.properties" ]; then
  echo "== generating $CUSTOMERS customers x $MONTHS months (seed $SEED) into $DATA"
  rm -rf "$DATA" "$DATA.partial"
  java -jar "$JAR" generate --customers "$CUSTOMERS" --months "$MONTHS" --seed "$SEED" --out "$DATA.partial" \
    | sed 's/^/   /' || fail "generating the batch failed"
  mv "$DATA.partial" "$DATA"
else
  echo "== $DATA: generated earlier (delete it to generate anew)"
fi
as_of=$(sed -n 's/^as_of=//p' "$DATA/expected/batch.properties")
[ -n "$as_of" ] || fail "$DATA/expected/batch.properties names no as_of date"
rows_generated=$(awk -F= '/^rows\./ { n += $2 } END { print n + 0 }' "$DATA/expected/batch.properties")

work=$(mktemp -d "$TMP/jicha-cli-county.XXXXXX")
trap 'rm -rf "$work"' EXIT
findings="$work/findings.csv"
echo "== jicha audit of $DATA as of $as_of under -Xmx$XMX ($(nproc 2>/dev/null || echo '?') cores)"
rc=0
/usr/bin/time -v java "-Xmx$XMX" "-Djava.io.tmpdir=$JAVA_TMPDIR" -jar "$JAR" audit --data "$DATA" --as-of "$as_of" \
  --findings-csv "$findings" > "$work/out.txt" 2> "$work/time.txt" || rc=$?
sed 's/^/   /' "$work/out.txt"
grep -v -E '^\s+(Command being timed|User time|System time|Percent of CPU|Elapsed|Average|Maximum|Major|Minor|Voluntary|Involuntary|Swaps|File system|Socket|Signals|Page size|Exit status)' "$work/time.txt" >&2 || true
[ "$rc" -eq 0 ] || fail "jicha audit exited $rc"

wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$work/time.txt")
rss=$(awk -F': *' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time.txt")
cpu=$(awk -F': *' '/Percent of CPU/ { print $2 }' "$work/time.txt")
rows=$(sed -n 's/.*: \([0-9]*\) rows accepted.*/\1/p' "$work/out.txt")
load_s=$(sed -n 's/^装载 Loaded .* in \([0-9.]*\) s$/\1/p' "$work/out.txt")
audit_s=$(sed -n 's/^检查对象 Subjects checked: .* in \([0-9.]*\) s$/\1/p' "$work/out.txt")
database=$(sed -n 's/.*Temporary database: \(.*\) (deleted at exit)$/\1/p' "$work/out.txt")

echo
echo "# jicha audit: $CUSTOMERS customers x $MONTHS months, -Xmx$XMX"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| rows in the batch (generated) | $rows_generated |"
echo "| rows loaded | $rows |"
echo "| load s | $load_s |"
echo "| audit s | $audit_s |"
echo "| wall time (whole command) | $wall |"
echo "| peak RSS MiB | $rss |"
echo "| CPU | $cpu |"
echo
status=0
[ "$rows" = "$rows_generated" ] || { echo "rows loaded ($rows) differ from the rows generated ($rows_generated)"; status=1; }
if [ -z "$database" ]; then
  echo "the command named no temporary database"; status=1
elif [ -e "$database" ]; then
  echo "the temporary database $database is still there after the exit"; status=1
fi

# per rule: planted, found, found among the planted (rule,subject_type,subject_id = CSV fields 1, 4, 5; the message,
# last, may hold commas; the CSV is written with CRLF)
awk -F, '
  FNR == 1 { next }
  NR == FNR { sub(/\r$/, ""); planted[$0] = 1; plantedPerRule[$1]++; rules[$1] = 1; next }
  { sub(/\r$/, ""); foundPerRule[$1]++; rules[$1] = 1; if (($1 "," $4 "," $5) in planted) hit[$1]++ }
  END {
    for (r in rules) {
      p = plantedPerRule[r] + 0; f = foundPerRule[r] + 0; h = hit[r] + 0
      eq = p == 0 ? "(not planted)" : (p == f && f == h ? "yes" : "NO")
      printf "| %s | %d | %d | %d | %s |\n", r, p, f, h, eq
    }
  }' "$DATA/expected/planted.csv" "$findings" | sort > "$work/per-rule.txt"
echo "| rule | planted | found | found of the planted | equal |"
echo "|---|---:|---:|---:|---|"
cat "$work/per-rule.txt"
grep -q '| NO |$' "$work/per-rule.txt" && status=1
echo
if [ "$status" -eq 0 ]; then
  echo "findings of the planted rules equal the planted list: yes"
else
  echo "findings of the planted rules equal the planted list: NO (or see above)"
fi
exit $status
