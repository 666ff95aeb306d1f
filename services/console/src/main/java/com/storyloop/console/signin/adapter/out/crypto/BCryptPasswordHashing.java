package com.storyloop.console.signin.adapter.out.crypto;

import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.storyloop.console.signin.application.PasswordHashing;

/**
 * BCrypt at cost 12 (about a quarter of a second per check here): slow enough to make guessing from a stolen table
 * expensive, fast enough for a person signing in.
 */
public class BCryptPasswordHashing implements PasswordHashing {

    /** BCrypt reads only the first 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(12);

    @Override
    public String hash(String password) {
        if (tooLong(password)) {
            throw new IllegalArgumentException("A password may have at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return encoder.encode(password);
    }

    @Override
    public boolean matches(String password, String hash) {
        // still spend the hashing time, so a too-long guess is not answered faster than a wrong one
        return encoder.matches(tooLong(password) ? "" : password, hash) && !tooLong(password);
    }

    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}
