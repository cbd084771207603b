/**
 * The sample batch ({@code sample-data/}, the {@code sample-data} command): one county company's hand-planned
 * world, small enough to read.
 *
 * <p>{@link SampleDataGenerator} builds the world (units, staff, tariffs, about 440 customers with 14 months of
 * readings and bills, business-expansion applications, inspections, important customers, meter events) in the
 * format of the data contract, plants known deviations for the rule catalogue, and writes the batch together with
 * {@code expected-findings.csv}, {@code expected-findings-later.csv} and a README describing every planted case and
 * look-alike. The tariff book, the unit tree, the names and the CSV writing are those of {@code tools.generator},
 * shared with the province-scale generator. JDK only: no Spring, so it runs from a bare class path.
 */
package org.jicha.tools.generator.sample;
