package org.jicha.ingest;

/**
 * An entry of a batch that is not a file of the data contract (a script, rules, a nested zip, a sub-folder, a
 * README): neither loaded nor kept in the archive, only listed in the load report.
 *
 * @param name its name in the batch folder or path in the uploaded zip ({@code rules/x.drl}); a sub-folder of an
 *             inbox batch ends with {@code /}
 * @param sizeBytes its size (a sub-folder: of everything in it; a zip entry: as inflated)
 */
public record IgnoredEntry(String name, long sizeBytes) {}
