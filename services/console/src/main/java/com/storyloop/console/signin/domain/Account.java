package com.storyloop.console.signin.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

/**
 * Someone who signs in to the console: who they are in Storyloop (organisation, roles, client or coach id) and the
 * one-way hash of their password. The password itself is never kept.
 */
public record Account(String userId, String orgId, String email, String displayName, String passwordHash, Set<Role> roles,
                      String clientId, String coachId) {

    public Account {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orgId, "orgId");
        email = normaliseEmail(email);
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        if (roles.contains(Role.CLIENT) && clientId == null) {
            throw new IllegalArgumentException("A CLIENT account names its client id");
        }
        if (roles.contains(Role.COACH) && coachId == null) {
            throw new IllegalArgumentException("A COACH account names its coach id");
        }
    }

    /** Emails compare case-insensitively: Ada@Example.com and ada@example.com are one account. */
    public static String normaliseEmail(String email) {
        return Objects.requireNonNull(email, "email").trim().toLowerCase(Locale.ROOT);
    }

    /** What the token says about this account. */
    public Caller asCaller() {
        return new Caller(userId, orgId, roles, clientId, coachId);
    }

    public Account withPasswordHash(String newHash) {
        return new Account(userId, orgId, email, displayName, newHash, roles, clientId, coachId);
    }
}
