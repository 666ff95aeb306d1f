package com.storyloop.security.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DevelopmentSigningKeyTest {

    @TempDir
    Path home;

    @Test
    void isGeneratedOnFirstUseReadableByTheOwnerOnly() throws Exception {
        Path keys = home.resolve("keys");

        DevelopmentSigningKey.loadOrCreate(keys);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(DevelopmentSigningKey.PRIVATE_KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(DevelopmentSigningKey.PUBLIC_KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keys.resolve(DevelopmentSigningKey.PRIVATE_KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void isTheSamePairOnEveryLaterUse() {
        Path keys = home.resolve("keys");
        DevelopmentSigningKey first = DevelopmentSigningKey.loadOrCreate(keys);

        DevelopmentSigningKey again = DevelopmentSigningKey.loadOrCreate(keys);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        assertThat(DevelopmentSigningKey.readPublicKey(keys)).isEqualTo(first.publicKey());
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
    }

    @Test
    void onlyTheKeyFolderIsPrivateNotTheHomeItIsCreatedIn() throws Exception {
        Path storyloopHome = home.resolve("new-home");
        Path keys = storyloopHome.resolve("keys");

        DevelopmentSigningKey.loadOrCreate(keys);

        // PostgreSQL, running as its own user, writes its log under the home: the home must stay reachable
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storyloopHome))).isNotEqualTo("rwx------").startsWith("rwx");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rwx------");
    }
}
