package com.storyloop.console.signin.application;

import java.util.Optional;

import com.storyloop.console.signin.domain.Account;

/** Where accounts are kept (the console's users table). */
public interface Accounts {

    Optional<Account> byEmail(String normalisedEmail);

    /** The account a token's subject names. */
    Optional<Account> byUserId(String userId);

    /** Creates the account, or replaces the one with the same user id. */
    void save(Account account);
}
