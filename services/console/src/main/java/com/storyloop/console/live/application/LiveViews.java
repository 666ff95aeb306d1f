package com.storyloop.console.live.application;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
        AtomicReference<String> last = new AtomicReference<>(fingerprint.get());
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> running = task.get();
            if (running != null && running.cancel(false)) {
                open.decrementAndGet();
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(error -> stop.run());
        open.incrementAndGet();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                String now = fingerprint.get();
                if (!now.equals(last.getAndSet(now))) {
                    emitter.send(SseEmitter.event().name("changed").data(now));
                }
            } catch (ServiceProblem refused) {
                if (refused.status() < 500) {
                    // signed out, or no longer allowed: nothing more to show this page
                    stop.run();
                    emitter.complete();
                }
            } catch (IOException | IllegalStateException closed) {
                stop.run();
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
}
