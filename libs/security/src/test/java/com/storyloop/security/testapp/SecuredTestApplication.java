package com.storyloop.security.testapp;

import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

/**
 * The smallest service that uses the auto-configuration as a real one would: one endpoint per kind of answer. In a
 * package of its own, so its component scan does not register the auto-configuration's nested classes a second time.
 */
@SpringBootApplication
public class SecuredTestApplication {

    @RestController
    static class WhoAmI {

        @GetMapping("/api/whoami")
        Map<String, Object> whoAmI(Caller caller) {
            return Map.of("subject", caller.subject(), "org", caller.orgId(), "roles", caller.roles());
        }

        /** An application-layer check as the services will make them: a role the caller lacks answers 403. */
        @GetMapping("/api/analytics")
        Map<String, Object> analytics(Caller caller) {
            if (!caller.has(Role.ORG_ADMIN)) {
                throw new AccessDeniedException("analytics are for org admins");
            }
            return Map.of("cohort", 3);
        }
    }
}
