package com.storyloop.console.signin.adapter.in.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.storyloop.console.signin.application.SignIn;
import com.storyloop.security.caller.Caller;
import com.storyloop.security.spring.JwtCallers;
import com.storyloop.web.problems.Problems;

/**
 * POST /api/sessions signs in: email and password in, a bearer token out. Nothing is stored server-side (the token is
 * the session), so signing out is forgetting the token; it expires within minutes. GET /api/sessions/current says who a
 * token belongs to.
 */
@RestController
class SessionsController {

    record SignInRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 200) String password) {
    }

    record SessionResponse(String accessToken, String tokenType, Instant expiresAt, long expiresIn) {
    }

    private final SignIn signIn;

    SessionsController(SignIn signIn) {
        this.signIn = signIn;
    }

    @PostMapping("/api/sessions")
    ResponseEntity<?> signIn(@Valid @RequestBody SignInRequest request) {
        return signIn.signIn(request.email(), request.password())
                .<ResponseEntity<?>>map(token -> ResponseEntity.ok()
                        .header("Cache-Control", "no-store")
                        .body(new SessionResponse(token.value(), "Bearer", token.expiresAt(),
                                Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toSeconds()))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(Problems.of(HttpStatus.UNAUTHORIZED, "Sign-in failed", "The email or the password is not right")));
    }

    @GetMapping("/api/sessions/current")
    ResponseEntity<?> current(@AuthenticationPrincipal Jwt jwt) {
        if (jwt == null) {
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "Authentication required", "Sign in first: POST /api/sessions");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        Caller caller = JwtCallers.from(jwt);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("subject", caller.subject());
        who.put("org", caller.orgId());
        who.put("roles", caller.roles().stream().map(Enum::name).sorted().toList());
        who.put("clientId", caller.clientId());
        who.put("coachId", caller.coachId());
        who.put("expiresAt", jwt.getExpiresAt());
        return ResponseEntity.ok(who);
    }
}
