package com.storyloop.security.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * The RSA key pair that signs tokens on a developer's machine, where no identity provider runs. Generated on first use into
 * a directory outside the repository ({@code $STORYLOOP_HOME/keys}), readable by the owner only, and never committed.
 * The console signs with the private key; every service verifies with the public one, so they must share the directory.
 *
 * <p>Several services start at once on {@code storyloop up}: creation happens under a file lock, so exactly one of them
 * generates the pair and the others read it.
 */
public final class DevelopmentSigningKey {

    public static final String PRIVATE_KEY_FILE = "dev-signing-key.pem";
    public static final String PUBLIC_KEY_FILE = "dev-signing-key.pub.pem";
    private static final int KEY_BITS = 2048;

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;

    private DevelopmentSigningKey(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** The pair in {@code directory}, generated there first if absent. */
    public static synchronized DevelopmentSigningKey loadOrCreate(Path directory) {
        try {
            createOwnerOnlyDirectory(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (!Files.exists(directory.resolve(PRIVATE_KEY_FILE))) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(KEY_BITS);
                    KeyPair pair = generator.generateKeyPair();
                    // the public half first: a verifier that finds the private file may rely on the public one being complete
                    writeOwnerOnly(directory.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                    writeOwnerOnly(directory.resolve(PRIVATE_KEY_FILE), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                }
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(readPem(directory.resolve(PRIVATE_KEY_FILE))));
            return new DevelopmentSigningKey(readPublicKey(directory), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the development signing key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development signing key in " + directory + " is not a readable RSA key pair", e);
        }
    }

    /** Only the public half, for a service that verifies tokens but never signs them. */
    public static RSAPublicKey readPublicKey(Path directory) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(readPem(directory.resolve(PUBLIC_KEY_FILE))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the development public key in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development public key in " + directory + " is not an RSA public key", e);
        }
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }

    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** RFC 7638-style thumbprint of the public key, so tokens name the key that signed them and keys can rotate later. */
    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            // only the key folder is private: its parents (STORYLOOP_HOME) keep the usual permissions, since other local
            // processes (PostgreSQL running as its own user writes its log there) must still reach them
            if (directory.toAbsolutePath().getParent() != null) {
                Files.createDirectories(directory.toAbsolutePath().getParent());
            }
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Created with owner-only permissions from the first byte, so there is no moment another user could read it. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        FileAttribute<?>[] ownerOnly = posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        Files.createFile(partial, ownerOnly);
        Files.writeString(partial, content, StandardCharsets.US_ASCII);
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file) throws IOException {
        String body = Files.readString(file, StandardCharsets.US_ASCII).replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
