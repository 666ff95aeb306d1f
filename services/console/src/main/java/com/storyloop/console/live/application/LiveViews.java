package com.storyloop.console.live.application;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.storyloop.console.services.ServiceProblem;

/**
 * Server-sent events for open pages: each watch re-reads the views its page shows (with the viewer's own token) on a
 * short period and sends {@code changed} when they differ from what the page was drawn from; the page then fetches its
 * fresh fragment. Reading the views themselves, not the events behind them, means a page never refreshes before the
 * projection it shows has caught up. A watch ends when the page closes or the viewer may no longer read the views.
 */
public final class LiveViews implements AutoCloseable {

    /** Periods between comments on an unchanged page (15 s at the default period), which detect closed tabs. */
    static final int HEARTBEAT_EVERY = 15;

    private final ScheduledExecutorService scheduler;
    private final Duration period;
    private final Duration lifetime;
    private final AtomicInteger open = new AtomicInteger();

    public LiveViews(Duration period, Duration lifetime, int threads) {
        this.period = period;
        this.lifetime = lifetime;
        AtomicInteger names = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "live-views-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param fingerprint reads the views and reduces them to a value that changes when they do; it throws
     *                    {@link ServiceProblem} when the viewer may not read them, which the caller sees at once
     */
    public SseEmitter watch(Supplier<String> fingerprint) {
        return watch(fingerprint, null);
    }

    /**
     * @param drawnFrom the fingerprint of the views the page was drawn from, when the page knows it: a change between
     *                  drawing the page and opening the stream is then sent at the first check instead of being missed
     */
    public SseEmitter watch(Supplier<String> fingerprint, String drawnFrom) {
        String atConnect = fingerprint.get();
        AtomicReference<String> last = new AtomicReference<>(drawnFrom == null || drawnFrom.isBlank() ? atConnect : drawnFrom);
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger ticks = new AtomicInteger();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                open.decrementAndGet();
                ScheduledFuture<?> running = task.get();
                if (running != null) {
                    running.cancel(false);
                }
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        open.incrementAndGet();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            if (stopped.get()) {
                return;
            }
            try {
                String now = fingerprint.get();
                if (!now.equals(last.getAndSet(now))) {
                    emitter.send(SseEmitter.event().name("changed").data(now));
                } else if (ticks.incrementAndGet() % HEARTBEAT_EVERY == 0) {
                    // a closed tab is only noticed when something is written to it: without this, its watch would poll on
                    emitter.send(SseEmitter.event().comment("still watching"));
                }
            } catch (ServiceProblem refused) {
                if (refused.status() < 500) {
                    // signed out, or no longer allowed: nothing more to show this page
                    stop.run();
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException closed) {
                stop.run();
            } catch (RuntimeException unexpected) {
                // an answer this watch cannot read: end the stream (the page reconnects) rather than go quiet for good
                stop.run();
                emitter.completeWithError(unexpected);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS));
        return emitter;
    }

    /** How many pages are being kept up to date now (a gauge for operators). */
    public int openWatches() {
        return open.get();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** A digest of the views, leaving out the consumer lag they report (it moves while the content stays the same). */
    @SafeVarargs
    public static String fingerprint(Map<String, Object>... views) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map<String, Object> view : views) {
                Map<String, Object> content = new LinkedHashMap<>(view);
                content.remove("consumerLag");
                digest.update(content.toString().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
