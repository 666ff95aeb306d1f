package com.storyloop.console.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;
import com.storyloop.security.spring.JwtCallers;

/** Who is looking at a page, as templates need it: which links to offer. The services still decide what they may see. */
public record Viewer(String subject, String orgId, String clientId, String coachId, boolean admin, boolean coach, boolean client) {

    /** The viewer of the request being served, or null before sign-in. */
    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? of(JwtCallers.from(jwt.getToken())) : null;
    }

    public static Viewer of(Caller caller) {
        return new Viewer(caller.subject(), caller.orgId(), caller.clientId(), caller.coachId(),
                caller.has(Role.ORG_ADMIN), caller.has(Role.COACH), caller.has(Role.CLIENT));
    }

    /** Coaches and admins look after many clients; a client looks after one bank. */
    public boolean seesRoster() {
        return admin || coach;
    }

    public String roleLabel() {
        return admin ? "organisation admin" : coach ? "coach" : client ? "client" : "operator";
    }

    /** Where this viewer starts after signing in. */
    public String home() {
        if (seesRoster()) {
            return "/roster";
        }
        return client && clientId != null ? "/clients/" + clientId : "/index.html";
    }
}
