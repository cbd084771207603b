/**
 * The province-scale data generator: {@code jicha generate --customers N --months M --seed S --out DIR}.
 *
 * <p>{@link org.jicha.tools.generator.province.ProvinceGenerator} writes one batch of the data contract's twelve files,
 * streaming customer by customer (memory independent of N), deterministic (each customer draws from a random
 * source derived from the seed and its index), with realistic mixes (category, voltage, seasonal and
 * log-normal consumption, tiered and two-part pricing, power-factor adjustment, late fees, new-connection flows,
 * inspections, meter events, important customers) and a configurable rate of planted deviations, listed in
 * {@code expected/planted.csv}. Clean records keep every shipped rule quiet by construction.
 *
 * <p>Plain Java: uses {@code calendar} (working days of the application steps) and {@code sampledata} (the
 * name vocabulary); only {@code cli} uses it.
 */
package org.jicha.tools.generator.province;
