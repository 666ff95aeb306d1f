package com.storyloop.practice.support;

import java.util.List;

/** The organisations and providers of the ITs' content allow-list (see {@link PracticeServiceIT}). */
public final class ContentOrganisations {

    /** Accepts and serves both providers (no list of its own: the installation-wide one applies). */
    public static final String ACME = "org-acme-coaching";
    /** Accepts both providers but serves its members only {@link #SECOND}. */
    public static final String NARROW = "org-narrow";
    public static final String FIRST = "interview-kit-co";
    public static final String SECOND = "mock-masters";

    public static final List<String> ACCEPTED = List.of(ACME + "/" + FIRST, ACME + "/" + SECOND, NARROW + "/" + FIRST, NARROW + "/" + SECOND);

    private ContentOrganisations() {
    }
}
