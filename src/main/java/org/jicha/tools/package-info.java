/**
 * Tools that live beside the product, never inside it: the data generator ({@code tools.generator}: the sample
 * batch and province-scale batches from the same code), the benchmark harness ({@code tools.bench}) and the
 * side-by-side comparison of checks ({@code tools.compare}). Only {@code cli}, which wires the jar's commands,
 * may use them; no product package imports {@code org.jicha.tools} (checked by {@code ModularityTests}), so the
 * product behaves the same whether or not the tools are on the class path. An open module: the command line
 * uses each tool's own package, and the tools are not a boundary the product needs to keep.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.jicha.tools;

import org.springframework.modulith.ApplicationModule;
