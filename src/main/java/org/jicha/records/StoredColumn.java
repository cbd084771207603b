package org.jicha.records;

/** A column a writer fills: its name in the table, how its values are stored, and whether it is part of the natural key. */
public record StoredColumn(String name, StoredType type, boolean key) {}
