package com.storyloop.runtime;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the checkout is, so tools and tests started from any module find deploy/ and the built apps. */
public final class RepositoryLayout {

    private final Path root;

    private RepositoryLayout(Path root) {
        this.root = root;
    }

    public static RepositoryLayout locate() {
        String configured = System.getProperty("storyloop.root", System.getenv("STORYLOOP_ROOT"));
        if (configured != null && !configured.isBlank() && isRoot(Path.of(configured))) {
            return new RepositoryLayout(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return new RepositoryLayout(dir);
            }
        }
        throw new IllegalStateException("Cannot find the Storyloop checkout (a folder with the `storyloop` script and deploy/): "
                + "run from inside it or set STORYLOOP_ROOT");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("storyloop")) && Files.isDirectory(dir.resolve("deploy"));
    }

    public Path root() {
        return root;
    }

    public Path kafkaLibraries() {
        Path lib = root.resolve("deploy/kafka-broker/target/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("The Kafka broker is not assembled yet (" + lib + " is missing): run "
                    + "`./mvnw -q -pl deploy/kafka-broker generate-resources` or `./storyloop build`");
        }
        return lib;
    }

    public Path serviceJar(String service) {
        return root.resolve("services").resolve(service).resolve("target").resolve(service + ".jar");
    }
}
