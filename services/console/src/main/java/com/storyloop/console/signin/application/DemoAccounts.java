package com.storyloop.console.signin.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.storyloop.console.signin.domain.Account;
import com.storyloop.security.caller.Role;

/**
 * The people of the demo organisation, one per role: the org admin, the two coaches and the three clients that
 * {@code ./storyloop up} loads stories for (keep in step with libs/cli DemoData, which owns the ids).
 */
public final class DemoAccounts {

    public static final String ORG = "demo-coaching";

    /** An account without its password, which each installation generates. */
    public record DemoUser(String userId, String email, String displayName, Role role, String clientId, String coachId) {
    }

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("demo-admin", "admin@demo-coaching.example", "Demo Admin", Role.ORG_ADMIN, null, null),
            new DemoUser("demo-coach-grace", "grace@demo-coaching.example", "Grace Hopper", Role.COACH, null, "coach-grace"),
            new DemoUser("demo-coach-edsger", "edsger@demo-coaching.example", "Edsger Dijkstra", Role.COACH, null, "coach-edsger"),
            new DemoUser("demo-client-ada", "ada@demo-coaching.example", "Ada Lovelace", Role.CLIENT, "ada-lovelace", null),
            new DemoUser("demo-client-alan", "alan@demo-coaching.example", "Alan Turing", Role.CLIENT, "alan-turing", null),
            new DemoUser("demo-client-katherine", "katherine@demo-coaching.example", "Katherine Johnson", Role.CLIENT, "katherine-johnson", null));

    private final Accounts accounts;
    private final PasswordHashing hashing;

    public DemoAccounts(Accounts accounts, PasswordHashing hashing) {
        this.accounts = accounts;
        this.hashing = hashing;
    }

    /**
     * Makes every demo user sign in with the password given for their email. Hashing is slow on purpose, so an account
     * whose stored hash already matches is left alone and a restart costs one check per user.
     */
    public void seed(Map<String, String> passwordByEmail) {
        for (DemoUser user : USERS) {
            String password = passwordByEmail.get(user.email());
            if (password == null) {
                throw new IllegalArgumentException("No demo password for " + user.email());
            }
            var existing = accounts.byEmail(user.email());
            if (existing.isPresent() && existing.get().userId().equals(user.userId()) && hashing.matches(password, existing.get().passwordHash())) {
                continue;
            }
            accounts.save(new Account(user.userId(), ORG, user.email(), user.displayName(), hashing.hash(password), Set.of(user.role()),
                    user.clientId(), user.coachId()));
        }
    }
}
