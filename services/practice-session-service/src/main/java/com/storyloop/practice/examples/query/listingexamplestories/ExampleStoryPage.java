package com.storyloop.practice.examples.query.listingexamplestories;

import java.util.List;

/** One page of the example-story library; page numbers start at 0. */
public record ExampleStoryPage(List<ExampleStoryView> items, int page, int size, long totalItems, int totalPages) {

    /** An example with its provenance (provider, pack, pack version); either the STAR sections or {@code text} are set. */
    public record ExampleStoryView(String exampleId, String title, List<String> principles, String level, String verdict, String situation,
                                   String task, String action, String result, String text, String commentary, String source,
                                   String providerId, String packId, String packVersion) {
    }
}
