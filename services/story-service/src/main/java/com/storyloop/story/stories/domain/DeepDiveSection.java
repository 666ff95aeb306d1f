package com.storyloop.story.stories.domain;

/** One titled section of a story's deep-dive appendix: raw data, exact metrics, technical detail for the probing. */
public record DeepDiveSection(String heading, String text) {
}
