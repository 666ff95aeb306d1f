package com.storyloop.story.bank.domain;

import java.time.LocalDate;

/** A client's story bank as folded from its events; {@link #NONE} before it is opened. */
public record StoryBank(String bankId, String orgId, String clientId, String coachId, String targetRole, TargetLevel targetLevel,
                        LocalDate interviewDate, boolean opened) {

    public static final StoryBank NONE = new StoryBank(null, null, null, null, null, null, null, false);
}
