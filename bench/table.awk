#!/usr/bin/awk -f
# Prints the combined Markdown tables of a bench results CSV (run_at,database,customers,phase,item,metric,value):
# generation per size, then one column per (database, size) run in the order they ran; the last value of a
# metric wins when a run was repeated into the same file.
BEGIN { FS = "," }
NR == 1 { next }
{
  value = $7
  for (i = 8; i <= NF; i++) value = value "," $i
  gsub(/^"|"$/, "", value)
  if ($2 == "generator") {
    if (!(($3) in gen_seen)) { gen_seen[$3] = 1; gen_order[++gens] = $3 }
    gen[$3, $6] = value
    next
  }
  if ($2 == "SQL peer") {
    if (!(($3) in peer_seen)) { peer_seen[$3] = 1; peer_order[++peers] = $3 }
    peer[$3, $6] = value
    next
  }
  run = $2 " " $3
  size[run] = $3
  if (!(run in seen)) { seen[run] = 1; order[++runs] = run }
  key = $4 "|" $5 "|" $6
  v[run, key] = value
  if ($4 == "load" && $5 != "-" && !(($5) in file_seen)) { file_seen[$5] = 1; files[++nfiles] = $5 }
}
# Jicha's figure over the SQL peer's on the same size: "-" when either is missing
function ratio(title, key, peer_metric,   r, line, n) {
  line = "| " title
  for (r = 1; r <= runs; r++) {
    n = size[order[r]]
    if ((order[r], key) in v && (n, peer_metric) in peer && peer[n, peer_metric] > 0)
      line = line " | " sprintf("%.2f", v[order[r], key] / peer[n, peer_metric])
    else line = line " | -"
  }
  print line " |"
}
function row(title, key,   r, line) {
  line = "| " title
  for (r = 1; r <= runs; r++) line = line " | " ((order[r], key) in v ? v[order[r], key] : "-")
  print line " |"
}
END {
  if (gens > 0) {
    print "| generation | seconds | peak RSS MiB |"
    print "|---|---:|---:|"
    for (g = 1; g <= gens; g++) printf "| %s customers x %s months | %s | %s |\n", gen_order[g], (gen_order[g], "months") in gen ? gen[gen_order[g], "months"] : 13, gen[gen_order[g], "seconds"], gen[gen_order[g], "peak_rss_mib"]
    print ""
  }
  if (peers > 0) {
    print "| plain SQL peer (bench/sql-peer.sh, PostgreSQL) | rows copied | \\copy + ANALYZE ms | five checks ms | findings | equal to planted |"
    print "|---|---:|---:|---:|---:|---|"
    for (p = 1; p <= peers; p++) {
      n = peer_order[p]
      printf "| %s customers | %s | %s | %s | %s | %s |\n", n, peer[n, "load_rows"], peer[n, "load_ms"], peer[n, "checks_ms"], peer[n, "findings"], ((n, "exit_code") in peer ? "failed" : peer[n, "equals_planted"])
    }
    print ""
  }
  if (runs == 0) { print "(no bench runs)"; exit }
  header = "| measure"; rule = "|---"
  for (r = 1; r <= runs; r++) { header = header " | " order[r]; rule = rule "|---:" }
  print header " |"; print rule "|"
  row("as of", "run|-|as_of")
  row("-Xmx MiB", "run|-|max_heap_mib")
  row("load: rows", "load|-|rows")
  row("load: wall ms", "load|-|ms")
  row("load: rows/s", "load|-|rows_per_s")
  for (f = 1; f <= nfiles; f++) row("load " files[f] ": rows/s", "load|" files[f] "|rows_per_s")
  row("ANALYZE after load ms", "load|-|analyze_ms")
  ratio("load / SQL peer's \\copy + ANALYZE", "load|-|ms", "load_ms")
  row("load: peak heap MiB", "load|-|peak_heap_mib")
  row("audit: wall ms", "audit|-|ms")
  row("audit: subjects", "audit|-|subjects")
  row("audit: subjects/s", "audit|-|subjects_per_s")
  row("audit: findings written", "audit|-|findings")
  row("audit: findings/s written", "audit|-|findings_per_s")
  row("audit: peak heap MiB", "audit|-|peak_heap_mib")
  ratio("audit (63 rules) / SQL peer's five checks", "audit|-|ms", "checks_ms")
  row("BIL-01/02/06/07/08 findings", "compare|-|findings")
  row("Drools median ms", "compare|drools|median_ms")
  row("SQL median ms", "compare|sql|median_ms")
  row("Java median ms", "compare|java|median_ms")
  row("Drools / SQL", "compare|drools|to_sql")
  row("Java / SQL", "compare|java|to_sql")
  row("repetitions", "compare|-|repetitions")
  row("three ways identical", "compare|-|identical")
  row("equal to planted", "compare|-|equals_planted")
  row("comparison: peak heap MiB", "compare|-|peak_heap_mib")
  row("next night: delta rows", "incremental|-|delta_rows")
  row("next night: delta load ms", "incremental|-|delta_load_ms")
  row("next night: run mode", "incremental|-|mode")
  row("next night: subjects evaluated", "incremental|-|evaluated")
  row("next night: findings carried", "incremental|-|carried")
  row("next night: incremental ms", "incremental|-|ms")
  row("next night: full ms", "incremental|-|full_ms")
  row("incremental / full", "incremental|-|to_full")
  row("same findings as full", "incremental|-|same_findings")
  row("next night: peak heap MiB", "incremental|-|peak_heap_mib")
  row("incremental (note)", "incremental|-|note")
  row("process: peak RSS MiB", "process|-|peak_rss_mib")
  row("process: exit code (if failed)", "process|-|exit_code")
}
