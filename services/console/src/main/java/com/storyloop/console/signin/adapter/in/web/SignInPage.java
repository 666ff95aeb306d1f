package com.storyloop.console.signin.adapter.in.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.storyloop.console.signin.application.SignIn;
import com.storyloop.console.web.ConsolePage;
import com.storyloop.console.web.SessionCookie;
import com.storyloop.console.web.Viewer;

/** The sign-in form, signing out, and "/" sending each viewer to their own start page. */
@ConsolePage
class SignInPage {

    private final SignIn signIn;
    private final CsrfTokenRepository csrfTokens;

    SignInPage(SignIn signIn, CsrfTokenRepository csrfTokens) {
        this.signIn = signIn;
        this.csrfTokens = csrfTokens;
    }

    @GetMapping("/")
    String home() {
        Viewer viewer = Viewer.current();
        return "redirect:" + (viewer == null ? "/signin" : viewer.home());
    }

    @GetMapping("/signin")
    String form(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response, Model model) {
        var token = email.isBlank() || password.isBlank() || email.length() > 320 || password.length() > 200
                ? java.util.Optional.<com.storyloop.security.token.TokenIssuer.IssuedToken>empty()
                : signIn.signIn(email, password);
        if (token.isEmpty()) {
            response.setStatus(401);
            model.addAttribute("email", email);
            model.addAttribute("next", safeNext(next));
            model.addAttribute("failure", "The email or the password is not right.");
            return "signin";
        }
        // a new session gets a new CSRF token: one planted before the sign-in is worth nothing after it
        csrfTokens.saveToken(null, request, response);
        SessionCookie.write(request, response, token.get().value(),
                Duration.between(Instant.now(), token.get().expiresAt()).plusSeconds(5));
        // "/" then sends the viewer to their own start page, read from the new cookie
        String target = safeNext(next);
        return "redirect:" + (target == null ? "/" : target);
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        SessionCookie.clear(request, response);
        return "redirect:/signin";
    }

    /** Only a path on this console: never another host ("//evil.example" or "https://..."). */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.length() > 500
                || next.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            // browsers drop tabs and newlines in URLs, so "/\t/evil.example" would become "//evil.example"
            return null;
        }
        return next;
    }
}
