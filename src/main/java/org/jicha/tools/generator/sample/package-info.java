/**
 * The sample batch ({@code sample-data/}) and the small deterministic generator that writes it.
 *
 * <p>{@link org.jicha.tools.generator.sample.SampleDataGenerator} builds one county company's world (units, staff,
 * tariffs, about 440 customers with 14 months of readings and bills, business-expansion applications,
 * inspections, important customers, meter events) in the format of the data contract, plants known
 * deviations for the rule catalogue, and writes the batch together with {@code expected-findings.csv},
 * {@code expected-findings-later.csv} and a README describing every planted case and look-alike.
 *
 * <p>JDK and FastCSV only: no Spring, so the generator runs from a bare class path.
 */
package org.jicha.tools.generator.sample;
