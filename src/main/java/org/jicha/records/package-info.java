/**
 * The contract records (data-contract.md): the tables the nightly extract fills (units, staff, tariffs,
 * customers, important customers, meters, readings, bills, applications and their steps, inspections, meter
 * events). This module owns them: the loader writes rows through {@link org.jicha.records.RecordWriter}, the
 * audit reads customer batches through {@link org.jicha.records.RecordReader}, and other modules ask
 * {@link org.jicha.records.UnitRecords}, {@link org.jicha.records.CustomerNames},
 * {@link org.jicha.records.StaffOnRecord} or {@link org.jicha.records.StoredKeys} instead of running SQL on
 * these tables. How rows are upserted lives in
 * {@code internal}.
 */
package org.jicha.records;
