package com.storyloop.console.signin.application;

/** A slow, salted one-way hash; the adapter chooses the algorithm and its cost. */
public interface PasswordHashing {

    String hash(String password);

    boolean matches(String password, String hash);
}
