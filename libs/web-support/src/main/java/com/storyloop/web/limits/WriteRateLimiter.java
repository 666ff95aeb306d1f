package com.storyloop.web.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller: {@code perMinute} writes a minute, up to a minute's worth in a burst. Plain Java with an
 * injectable clock, so its arithmetic is tested without waiting. Buckets of callers not seen for a while are forgotten
 * (the map keeps the most recent {@code maxCallers}), which only ever gives a forgotten caller a full bucket again.
 */
public final class WriteRateLimiter {

    /** Allowed, or refused with how long until the next write would be allowed. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final Map<String, double[]> buckets;

    public WriteRateLimiter(int perMinute, int maxCallers, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, was " + perMinute);
        }
        this.perNano = perMinute / (double) Duration.ofMinutes(1).toNanos();
        this.capacity = perMinute;
        this.nanoTime = nanoTime;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** Takes one write from {@code caller}'s bucket if there is one. */
    public synchronized Decision tryWrite(String caller) {
        long now = nanoTime.getAsLong();
        // [tokens, last refill]
        double[] bucket = buckets.computeIfAbsent(caller, c -> new double[] {capacity, now});
        bucket[0] = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * perNano);
        bucket[1] = now;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return new Decision(true, Duration.ZERO);
        }
        long nanosToNext = (long) Math.ceil((1 - bucket[0]) / perNano);
        return new Decision(false, Duration.ofNanos(nanosToNext));
    }
}
