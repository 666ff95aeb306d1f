package com.storyloop.scoring.scorecards.domain;

/** The organisation and client a story (or a bank) belongs to: what every reference to it from an event must agree with. */
public record StoryOwner(String orgId, String clientId) {
}
