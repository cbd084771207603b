package org.jicha.ingest;

import java.util.List;

/** A page of loads, newest first; {@code page} counts from 0. */
public record LoadPage(List<LoadSummary> content, int page, int size, long totalElements, int totalPages) {}
