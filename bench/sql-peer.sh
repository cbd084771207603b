#!/usr/bin/env bash
# Copied from the issue tracker's ../shared/bench/sql-peer.sh (issue 14) so that bench/run.sh runs it from a clean clone.
# The peer a utility would pick instead of Jicha: five catalogue checks (BIL-01, BIL-02, BIL-06, BIL-07, BIL-08)
# written as the plain SQL an analyst would write, on PostgreSQL, over a batch in the data contract's format.
# Usage: sql-peer.sh BATCH_DIR [AS_OF [FINDINGS_CSV]]   (local PostgreSQL 127.0.0.1:5432, user postgres, trust;
#        it drops and creates the database jicha_sql_peer)
# Prints the rows, the findings per rule and, last, `load_s=N checks_s=N`: the \copy of the six main files plus
# ANALYZE, then the five checks. Writes the findings (rule_code,subject_id,customer_no) to FINDINGS_CSV
# (default: sql-peer-findings.csv beside BATCH_DIR). Its readings of the catalogue are simplified: compare
# its time with Jicha's; its findings agree with Jicha's on data without the catalogue's edge cases.
set -eu
batch=$(cd "$1" && pwd); asof=${2:-2026-11-10}; out=${3:-$batch/../sql-peer-findings.csv}
PSQL="psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres"
$PSQL -d postgres -c "DROP DATABASE IF EXISTS jicha_sql_peer" -c "CREATE DATABASE jicha_sql_peer" >/dev/null
P="$PSQL -d jicha_sql_peer"
$P <<'SQL'
CREATE UNLOGGED TABLE customers (customer_no text primary key, customer_name text, category text, voltage_kv numeric, tariff_code text, contract_kva numeric, running_kva numeric, status text, station_code text, reading_day int, reader_id text, opened_on date, closed_on date, trade_code text, temporary_until date, inspection_cycle_months int, basic_charge_mode text, demand_kw numeric, fixed_ratio_pct numeric, fixed_deduction_kwh numeric, fixed_approved_on date);
CREATE UNLOGGED TABLE meters (meter_id text primary key, customer_no text, meter_kind text, metering_class text, accuracy_class text, ct_ratio numeric, pt_ratio numeric, multiplier numeric, installed_on date, last_verified_on date, rotation_due_on date, seal_no text, status text, removed_on date);
CREATE UNLOGGED TABLE readings (meter_id text, period text, read_on date, previous_value numeric, current_value numeric, multiplier numeric, consumption_kwh numeric, read_type text, reader_id text, max_demand_kw numeric, reactive_kvarh numeric, primary key (meter_id, period));
CREATE UNLOGGED TABLE tariffs (tariff_code text, tariff_name text, customer_category text, voltage_kv numeric, energy_price numeric, tier1_limit_kwh numeric, tier2_limit_kwh numeric, tier2_price numeric, tier3_price numeric, basic_price_kva numeric, basic_price_kw numeric, pf_standard numeric, valid_from date, valid_to date);
CREATE UNLOGGED TABLE bills (bill_no text primary key, customer_no text, period text, tariff_code text, energy_kwh numeric, energy_charge numeric, basic_charge numeric, pf_actual numeric, pf_adjustment numeric, surcharge numeric, total_amount numeric, issued_on date, due_on date, paid_amount numeric, paid_on date, channel text, late_fee_charged numeric, late_fee_waived text, waiver_approver text, clerk_id text);
CREATE UNLOGGED TABLE applications (app_no text primary key, customer_no text, applicant_name text, app_type text, supply_mode text, capacity_kva numeric, voltage_kv numeric, green_channel text, station_code text, accepted_at timestamp, status text, archived_at timestamp, fee_charged numeric, fee_standard numeric);
SQL
t0=$(date +%s.%N)
for t in customers meters readings tariffs bills applications; do
  $P -c "\\copy $t FROM '$batch/$t.csv' WITH (FORMAT csv, HEADER true)"
done
$P -c "ANALYZE"
t1=$(date +%s.%N)
$P -v asof="$asof" -o "$out" -A -F, -t <<'SQL'
WITH p AS MATERIALIZED (SELECT to_char(d, 'YYYY-MM') AS cur, d AS cur_start,
                  to_char(d - interval '1 month', 'YYYY-MM') AS prev,
                  to_char(d - interval '2 months', 'YYYY-MM') AS z_start,
                  to_char(d - interval '12 months', 'YYYY-MM') AS h_start
           FROM (SELECT date_trunc('month', :'asof'::date) - interval '1 month' AS d) x),
cust_month AS (SELECT m.customer_no, r.period, sum(r.consumption_kwh) kwh FROM readings r JOIN meters m USING (meter_id), p
               WHERE r.period >= p.h_start GROUP BY 1, 2),
hist AS MATERIALIZED (SELECT c.customer_no, c.voltage_kv,
                max(kwh) FILTER (WHERE cm.period = p.cur) this_kwh,
                avg(kwh) FILTER (WHERE cm.period < p.cur) avg_kwh,
                count(*) FILTER (WHERE cm.period < p.cur) n_hist,
                max(kwh) FILTER (WHERE cm.period = p.h_start) ly_kwh,
                bool_and(kwh = 0) FILTER (WHERE cm.period >= p.z_start) zero3,
                count(*) FILTER (WHERE cm.period >= p.z_start) n3
         FROM customers c JOIN cust_month cm USING (customer_no), p WHERE c.status = 'ACTIVE' GROUP BY 1, 2)
SELECT 'BIL-01', m.meter_id, m.customer_no FROM meters m JOIN customers c USING (customer_no), p
 WHERE m.status = 'IN_SERVICE' AND c.status = 'ACTIVE' AND c.opened_on < p.cur_start
   AND NOT EXISTS (SELECT 1 FROM readings r WHERE r.meter_id = m.meter_id AND r.period = p.cur AND r.read_type <> 'MISSED')
UNION ALL
SELECT 'BIL-02', m.meter_id, m.customer_no FROM meters m JOIN customers c USING (customer_no), p
 WHERE m.status = 'IN_SERVICE' AND c.status = 'ACTIVE' AND (
   (SELECT count(*) FROM readings r WHERE r.meter_id = m.meter_id AND r.read_type = 'ESTIMATED'
      AND r.period IN (p.cur, p.prev)) = 2
   OR (SELECT max(read_on) FROM readings r WHERE r.meter_id = m.meter_id AND r.read_type IN ('ACTUAL', 'REMOTE')) < :'asof'::date - 60)
UNION ALL
SELECT 'BIL-06', h.customer_no, h.customer_no FROM hist h, p
 WHERE ((h.voltage_kv < 10 AND h.n3 = 3 AND h.zero3) OR (h.voltage_kv >= 10 AND h.this_kwh = 0))
   AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.customer_no = h.customer_no AND a.app_type IN ('PAUSE', 'CAPACITY_REDUCE')
                     AND a.accepted_at >= p.cur_start - interval '2 months' - interval '30 days')
UNION ALL
SELECT 'BIL-07', h.customer_no, h.customer_no FROM hist h, p
 WHERE h.n_hist >= 6 AND h.avg_kwh >= CASE WHEN h.voltage_kv >= 10 THEN 1000 ELSE 100 END AND h.ly_kwh > 0
   AND abs(h.this_kwh - h.avg_kwh) / h.avg_kwh > 0.5 AND abs(h.this_kwh - h.ly_kwh) / h.ly_kwh > 0.5
   AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.customer_no = h.customer_no
                     AND a.app_type IN ('PAUSE', 'CAPACITY_REDUCE', 'LV_INCREASE', 'HV_INCREASE')
                     AND a.accepted_at >= p.cur_start - interval '30 days' AND a.accepted_at < p.cur_start + interval '1 month')
UNION ALL
SELECT 'BIL-08', b.bill_no, b.customer_no FROM bills b JOIN customers c USING (customer_no), p
 WHERE b.period = p.cur AND (b.tariff_code <> c.tariff_code OR EXISTS (
   SELECT 1 FROM tariffs t WHERE t.tariff_code = b.tariff_code AND t.customer_category <> c.category));
SQL
t2=$(date +%s.%N)
echo "rows: readings=$($P -A -t -c 'select count(*) from readings') bills=$($P -A -t -c 'select count(*) from bills')"
echo "findings: $(cut -d, -f1 "$out" | sort | uniq -c | tr -s ' ' | paste -sd' ' -)"
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN { printf "load_s=%.2f checks_s=%.2f\n", b - a, c - b }'
