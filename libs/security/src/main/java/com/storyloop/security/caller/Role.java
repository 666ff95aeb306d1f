package com.storyloop.security.caller;

import java.util.Optional;

/** What a signed-in person may do inside their organisation (issue 7: org admin, coach of assigned clients, client), and
 * the installation's operators. */
public enum Role {
    /** Everything in their organisation, analytics included. */
    ORG_ADMIN,
    /** Their assigned clients and their own coach scores. */
    COACH,
    /** Their own bank, stories, loops, coverage and timeline. */
    CLIENT,
    /**
     * Runs the installation for every organisation (projection rebuilds, installation-wide rubrics): an engineer's role, not
     * a coaching company's. Sees no organisation's clients through it.
     */
    OPERATOR;

    /** Roles a token names that Storyloop does not know are ignored rather than refused: identity providers add their own. */
    public static Optional<Role> named(String name) {
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
