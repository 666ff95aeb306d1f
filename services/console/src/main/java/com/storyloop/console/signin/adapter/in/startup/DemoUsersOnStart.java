package com.storyloop.console.signin.adapter.in.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import com.storyloop.console.signin.application.DemoAccounts;

/**
 * With {@code storyloop.console.demo-users=true} (set by {@code ./storyloop up}), the demo organisation's users can sign
 * in as soon as the console answers: they are seeded while the application context starts, before the web server opens
 * its port, so {@code up} (which waits for health) never hands out passwords that do not work yet. Their passwords are generated once per installation into a file readable by the
 * owner only ({@code $STORYLOOP_HOME/demo-users.txt}, which {@code up} prints); a later start reuses them.
 */
public class DemoUsersOnStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoUsersOnStart.class);
    // no look-alike characters (0/O, 1/l/I): people type these from a terminal
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int PASSWORD_LENGTH = 16;

    private final DemoAccounts demoAccounts;
    private final Path passwordFile;
    private final SecureRandom random = new SecureRandom();

    public DemoUsersOnStart(DemoAccounts demoAccounts, Path passwordFile) {
        this.demoAccounts = demoAccounts;
        this.passwordFile = passwordFile;
    }

    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    /** Idempotent: existing passwords are kept, missing ones generated; the file is written once the accounts match it. */
    public void seed() {
        Map<String, String> passwords = readPasswords();
        boolean generated = false;
        for (DemoAccounts.DemoUser user : DemoAccounts.USERS) {
            if (!passwords.containsKey(user.email())) {
                passwords.put(user.email(), newPassword());
                generated = true;
            }
        }
        demoAccounts.seed(passwords);
        if (generated || !Files.exists(passwordFile)) {
            writePasswords(passwords);
        }
        log.info("Demo users of {} can sign in; their passwords are in {}", DemoAccounts.ORG, passwordFile);
    }

    private Map<String, String> readPasswords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        if (!Files.exists(passwordFile)) {
            return passwords;
        }
        try {
            for (String line : Files.readAllLines(passwordFile, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 2 && !line.startsWith("#")) {
                    passwords.put(fields[0], fields[1]);
                }
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo passwords in " + passwordFile, e);
        }
    }

    private void writePasswords(Map<String, String> passwords) {
        StringBuilder text = new StringBuilder("# Storyloop demo users (local development only). email password role id\n");
        for (DemoAccounts.DemoUser user : DemoAccounts.USERS) {
            String id = user.clientId() != null ? user.clientId() : user.coachId() != null ? user.coachId() : DemoAccounts.ORG;
            text.append(String.format("%-34s %-18s %-10s %s%n", user.email(), passwords.get(user.email()), user.role(), id));
        }
        try {
            Files.createDirectories(passwordFile.toAbsolutePath().getParent());
            Path partial = passwordFile.resolveSibling(passwordFile.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(partial);
            }
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, passwordFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo passwords to " + passwordFile, e);
        }
    }

    private String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

}
