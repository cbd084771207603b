/**
 * The province-scale generator: {@code jicha generate --customers N --months M --seed S --out DIR}.
 *
 * <p>{@link ProvinceGenerator} writes one batch of the data contract's twelve files, streaming customer by customer
 * (memory independent of N), deterministic (each customer draws from a random source derived from the seed and its
 * index), with realistic mixes (category, voltage, seasonal and log-normal consumption, tiered and two-part
 * pricing, power-factor adjustment, late fees, new-connection flows, inspections, meter events, important
 * customers) and a configurable rate of planted deviations, listed in {@code expected/planted.csv}. Clean records
 * keep every shipped rule quiet by construction. {@link CustomerRecords} writes one customer, with
 * {@link CustomerProfiles}, {@link BillingHistory}, {@link Connections} and {@link FieldRecords} for its
 * profile and its records of each kind.
 *
 * <p>Plain Java: the tariff book, unit tree, names and CSV writing are those of {@code tools.generator}, shared
 * with the sample batch; {@code calendar} gives the working days of the application steps. Only {@code cli}
 * uses it.
 */
package org.jicha.tools.generator.province;
