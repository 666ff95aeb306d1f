package com.storyloop.security.caller;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as a validated token says: the subject, their organisation, their roles and, for a client or a coach,
 * which one. Plain Java, so the visibility rules below are tested without Spring or tokens.
 *
 * <p>The rules (issue 7): nobody crosses organisations; an ORG_ADMIN sees the whole organisation; a COACH sees only the
 * clients assigned to them; a CLIENT sees only themselves. A caller who may not see a resource is answered as if it did not
 * exist (404), which is why these methods answer a plain yes or no and never say why.
 */
public record Caller(String subject, String orgId, Set<Role> roles, String clientId, String coachId) {

    public Caller {
        Objects.requireNonNull(subject, "subject");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * The caller from a token's subject and claims (already validated: signature, issuer, audience, expiry). A token without
     * an organisation yields a caller who sees nothing, rather than an error, so a misconfigured identity provider fails closed.
     */
    public static Caller fromClaims(String subject, Map<String, Object> claims) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        if (claims.get(StoryloopClaims.ROLES) instanceof Collection<?> named) {
            for (Object name : named) {
                Role.named(String.valueOf(name)).ifPresent(roles::add);
            }
        }
        return new Caller(subject, text(claims.get(StoryloopClaims.ORG)), roles,
                text(claims.get(StoryloopClaims.CLIENT_ID)), text(claims.get(StoryloopClaims.COACH_ID)));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** In this organisation at all; every other rule starts here. */
    public boolean belongsTo(String orgId) {
        return this.orgId != null && this.orgId.equals(orgId);
    }

    /**
     * May see (and, where the role allows writing, act on) the client {@code clientId} of organisation {@code orgId}, whose
     * assigned coach is {@code assignedCoachId} (null when none is assigned).
     */
    public boolean canSeeClient(String orgId, String clientId, String assignedCoachId) {
        if (!belongsTo(orgId) || clientId == null) {
            return false;
        }
        if (has(Role.ORG_ADMIN)) {
            return true;
        }
        if (has(Role.COACH) && coachId != null && coachId.equals(assignedCoachId)) {
            return true;
        }
        return has(Role.CLIENT) && clientId.equals(this.clientId);
    }

    /** Organisation-wide views (cohort analytics, rubric adoption, projection admin) are for org admins of that organisation. */
    public boolean canSeeWholeOrganisation(String orgId) {
        return belongsTo(orgId) && has(Role.ORG_ADMIN);
    }

    /** Installation-wide administration (projection rebuilds, installation-wide rubrics); never any organisation's data. */
    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    /** A coach's own scores and calibration: that coach, or an org admin of the organisation. */
    public boolean canSeeCoach(String orgId, String coachId) {
        if (!belongsTo(orgId) || coachId == null) {
            return false;
        }
        return has(Role.ORG_ADMIN) || (has(Role.COACH) && coachId.equals(this.coachId));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
