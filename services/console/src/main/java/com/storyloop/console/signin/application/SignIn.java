package com.storyloop.console.signin.application;

import java.util.Optional;
import java.util.function.Supplier;

import com.storyloop.console.signin.domain.Account;
import com.storyloop.security.token.TokenIssuer;

/**
 * Email and password in, a short-lived token out. A refusal never says whether the email or the password was wrong, and
 * takes as long either way (an unknown email is still checked against a hash), so neither answer nor timing tells an
 * attacker which emails have accounts.
 */
public final class SignIn {

    private final Accounts accounts;
    private final PasswordHashing hashing;
    private final Supplier<TokenIssuer> issuer;
    private final String hashOfNothing;

    /** The issuer is asked for on the first sign-in, so a console that never signs anyone in never creates a key. */
    public SignIn(Accounts accounts, PasswordHashing hashing, Supplier<TokenIssuer> issuer) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.issuer = issuer;
        this.hashOfNothing = hashing.hash("no account has this password " + System.nanoTime());
    }

    public Optional<TokenIssuer.IssuedToken> signIn(String email, String password) {
        Optional<Account> account = accounts.byEmail(Account.normaliseEmail(email));
        boolean matches = hashing.matches(password, account.map(Account::passwordHash).orElse(hashOfNothing));
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        return Optional.of(issuer.get().issue(account.get().asCaller()));
    }

    /**
     * A fresh token for someone still using the console with a valid one, read from their account as it is now (so a
     * changed role or a removed account takes effect): an active session does not end mid-edit, an idle one still expires.
     */
    public Optional<TokenIssuer.IssuedToken> renew(String userId, java.time.Instant signedInAt) {
        return accounts.byUserId(userId).map(account -> issuer.get().issue(account.asCaller(), signedInAt));
    }

    /** How long a token lives, so a session knows when it is half gone. */
    public java.time.Duration tokenLifetime() {
        return issuer.get().lifetime();
    }
}
