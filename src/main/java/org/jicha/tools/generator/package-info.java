/**
 * The data generator's shared parts, so that the sample batch ({@code sample}) and the province-scale batches
 * ({@code province}) come from the same code: the price catalogue and pricing ({@link TariffBook},
 * {@link PfAdjustment}), the unit tree and its staff ({@link Organisation}), the name vocabulary ({@link Names})
 * and the contract's CSV format ({@link CsvFile}). Plain Java, no Spring: the generators run from a bare class
 * path.
 */
package org.jicha.tools.generator;
