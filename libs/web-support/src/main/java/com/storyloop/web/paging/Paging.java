package com.storyloop.web.paging;

import java.util.List;

import com.storyloop.web.problems.FieldProblem;
import com.storyloop.web.problems.InvalidInput;

/**
 * A page of a list endpoint ({@code ?page=0&size=100}): no list answers more than {@code maxSize} items at once, whatever
 * the organisation's size. Out-of-range values are a problem naming the parameter, not a silent clamp.
 */
public record Paging(int page, int size) {

    /** Parses the query parameters (null: the default), refusing what is not a whole number in range. */
    public static Paging of(String page, String size, int defaultSize, int maxSize) {
        int parsedSize = number(size, "size", defaultSize, 1, maxSize);
        int parsedPage = number(page, "page", 0, 0, Integer.MAX_VALUE / maxSize);
        return new Paging(parsedPage, parsedSize);
    }

    public long offset() {
        return (long) page * size;
    }

    /** Rows to ask for: one more than the page, to know whether another page follows. */
    public int fetch() {
        return size + 1;
    }

    /** The page itself, and whether more follow, from {@link #fetch()} rows. */
    public <T> List<T> pageOf(List<T> fetched) {
        return fetched.size() > size ? fetched.subList(0, size) : fetched;
    }

    public boolean hasNext(List<?> fetched) {
        return fetched.size() > size;
    }

    private static int number(String value, String field, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput(new FieldProblem(field, "must be a whole number from " + min + " to " + max));
    }
}
