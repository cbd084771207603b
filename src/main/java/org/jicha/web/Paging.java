package org.jicha.web;

import java.util.List;
import org.springframework.data.domain.Page;

/**
 * One page of a long list as the templates show it: the items, the page number (from 0), the size and the
 * total, with the pager's arithmetic done here rather than in the template.
 */
public record Paging<T>(List<T> items, int page, int size, long total) {

    public static final int DEFAULT_SIZE = 20;
    /** The last page a page address may ask for: with the pages' sizes (at most 100) the offset stays an int. */
    public static final int MAX_PAGE = 1_000_000;

    /** A page number from an address, brought into 0..{@value #MAX_PAGE} (a page never fails on it). */
    public static int safePage(int page) {
        return Math.min(Math.max(0, page), MAX_PAGE);
    }

    public static int safeSize(int size, int max) {
        return Math.max(1, Math.min(size, max));
    }

    /** A page cut from a list held in memory (e.g. a load's rejected rows). */
    public static <T> Paging<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) page * size);
        return new Paging<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    public static <T> Paging<T> of(Page<T> page) {
        return new Paging<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    /** 1-based number of the first item shown, 0 when the page is empty. */
    public long firstItem() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return (long) page * size + items.size();
    }
}
