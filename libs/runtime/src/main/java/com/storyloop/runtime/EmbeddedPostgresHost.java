package com.storyloop.runtime;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Keeps an embedded PostgreSQL running in its own JVM until SIGTERM (used by `storyloop up` without system binaries). */
public final class EmbeddedPostgresHost {

    private EmbeddedPostgresHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalPostgres.Settings settings = new LocalPostgres.Settings(Path.of(args[0]), Integer.parseInt(args[1]), Boolean.parseBoolean(args[2]));
        LocalPostgres postgres = LocalPostgres.start(settings, Path.of(args[0]).resolveSibling("embedded-postgres.log"), false);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }));
        System.out.println("embedded PostgreSQL ready on port " + settings.port());
        stopped.await();
    }
}
