package com.storyloop.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Recorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.storyloop.bench.BenchTokens;
import com.storyloop.security.caller.Caller;
import com.storyloop.security.caller.Role;

/**
 * Simulated clients revising their stories through the public HTTP API, and coaches reading coverage and timelines.
 *
 * <p>Revisions are started open loop at a set rate, round robin over the clients; a client has at most one revision in
 * flight (a person does not press save twice at once), so a tick for a busy client waits in that client's queue. Write
 * latency counts from the tick's scheduled time, so time spent queued behind a slow response is measured, not hidden.
 * Every 201 goes into the ledger that {@link Ledger} later reconciles with the services' databases.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Ticks a client may owe before new ones are dropped (and counted): the generator must not queue without bound. */
    public static final int CLIENT_BACKLOG = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Target(String storyUrl, String coverageUrl, Path keys, String orgId) {
    }

    public record Settings(int clients, int storiesPerClient, int coaches, double coachReadsPerSecond) {
    }

    /** A revision the story service accepted (201): what the ledger must find stored, scored and in coverage. */
    public record Accepted(String clientId, String storyId, int revision, String phase, long acceptedAtMillis) {
    }

    private final Target target;
    private final Settings settings;
    private final HttpClient http;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4, daemon("load-callback"));
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, daemon("load-http"));
    private final List<SimulatedClient> clients = new ArrayList<>();
    private final Map<String, List<String>> clientsByCoach = new ConcurrentHashMap<>();
    private final Map<String, String> coachOfClient = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Accepted> ledger = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final Recorder writes = new Recorder(3);
    private final Recorder reads = new Recorder(3);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong droppedTicks = new AtomicLong();
    private final AtomicLong failedWrites = new AtomicLong();
    private final AtomicLong readsDone = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile double rate;
    private volatile String phase = "setup";
    private volatile boolean running = true;
    private Thread scheduler;
    private ScheduledExecutorService coaches;

    public LoadGenerator(Target target, Settings settings) {
        this.target = target;
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();
    }

    /** Opens every client's bank (as the organisation's admin) and drafts its stories (as the client). */
    public void setUp(java.io.PrintStream progress) throws Exception {
        String admin = BenchTokens.signedWith(target.keys(), new Caller("bench-admin", target.orgId(), Set.of(Role.ORG_ADMIN), null, null));
        ExecutorService pool = Executors.newFixedThreadPool(8, daemon("load-setup"));
        try {
            List<Future<SimulatedClient>> opened = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int n = c;
                opened.add(pool.submit(() -> openClient(admin, n)));
            }
            for (int i = 0; i < opened.size(); i++) {
                clients.add(opened.get(i).get());
                if (i % 50 == 49 || i == opened.size() - 1) {
                    progress.printf("\rSetting up: %d/%d clients with %d drafted stories each", i + 1, opened.size(), settings.storiesPerClient());
                    progress.flush();
                }
            }
            progress.println();
        } finally {
            pool.shutdown();
        }
    }

    private SimulatedClient openClient(String adminToken, int n) {
        String clientId = "bench-client-" + n;
        String coachId = "bench-coach-" + (n % Math.max(1, settings.coaches()));
        String interview = LocalDate.now().plusDays(7 + n % 60).toString();
        HttpResponse<String> bank = send(post(target.storyUrl() + "/api/banks", adminToken, """
                {"orgId": "%s", "clientId": "%s", "coachId": "%s", "targetRole": "Senior Product Manager", "targetLevel": "L6", "interviewDate": "%s"}
                """.formatted(target.orgId(), clientId, coachId, interview), null), 201);
        String bankId = field(bank.body(), "bankId");
        String token = BenchTokens.signedWith(target.keys(), new Caller(clientId, target.orgId(), Set.of(Role.CLIENT), clientId, null));
        SimulatedClient client = new SimulatedClient(clientId, token);
        for (int s = 0; s < settings.storiesPerClient(); s++) {
            long seed = (long) n * 1000 + s;
            HttpResponse<String> drafted = send(post(target.storyUrl() + "/api/banks/" + bankId + "/stories", token,
                    StoryTexts.body(seed, "Story " + (s + 1) + " of " + clientId, 1), null), 201);
            StoryState story = new StoryState(field(drafted.body(), "storyId"), seed, drafted.headers().firstValue("ETag").orElseThrow(), 1);
            client.stories.add(story);
            ledger.add(new Accepted(clientId, story.storyId, 1, "setup", System.currentTimeMillis()));
        }
        clientsByCoach.computeIfAbsent(coachId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(clientId);
        coachOfClient.put(clientId, coachId);
        return client;
    }

    /** Starts the revision ticks and the coaches' reads. */
    public void start(double revisionsPerSecond) {
        this.rate = revisionsPerSecond;
        scheduler = new Thread(this::tick, "load-scheduler");
        scheduler.setDaemon(true);
        scheduler.start();
        coaches = Executors.newScheduledThreadPool(2, daemon("load-coach"));
        long periodMicros = (long) (1_000_000 / Math.max(0.01, settings.coachReadsPerSecond()));
        for (String coachId : clientsByCoach.keySet()) {
            String token = tokenOfCoach(coachId);
            coaches.scheduleAtFixedRate(() -> coachReads(token, clientsByCoach.get(coachId)),
                    ThreadLocalRandom.current().nextLong(periodMicros), periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    public void setRate(double revisionsPerSecond) {
        this.rate = revisionsPerSecond;
    }

    /** Labels the revisions accepted from now on (e.g. "warm-up", "measured"). */
    public void phase(String name) {
        this.phase = name;
    }

    private void tick() {
        long next = System.nanoTime();
        int turn = 0;
        while (running) {
            double current = rate;
            if (current <= 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
                next = System.nanoTime();
                continue;
            }
            next += (long) (1e9 / current);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SimulatedClient client = clients.get(turn++ % clients.size());
            client.due(next);
        }
    }

    private void coachReads(String token, List<String> ofCoach) {
        if (!running || ofCoach == null || ofCoach.isEmpty()) {
            return;
        }
        String clientId = ofCoach.get(ThreadLocalRandom.current().nextInt(ofCoach.size()));
        for (String path : new String[] {"/api/clients/" + clientId + "/coverage", "/api/clients/" + clientId + "/timeline"}) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = http.send(get(target.coverageUrl() + path, token), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    reads.recordValue(System.nanoTime() - started);
                    readsDone.incrementAndGet();
                } else {
                    error("GET coverage/timeline " + response.statusCode());
                }
            } catch (Exception e) {
                error("GET coverage/timeline " + e.getClass().getSimpleName());
            }
        }
    }

    private final class SimulatedClient {
        final String clientId;
        final String token;
        final List<StoryState> stories = new ArrayList<>();
        private final ArrayDeque<Long> owed = new ArrayDeque<>();
        private boolean busy;

        SimulatedClient(String clientId, String token) {
            this.clientId = clientId;
            this.token = token;
        }

        void due(long scheduledNanos) {
            synchronized (this) {
                if (busy) {
                    if (owed.size() >= CLIENT_BACKLOG) {
                        droppedTicks.incrementAndGet();
                    } else {
                        owed.add(scheduledNanos);
                    }
                    return;
                }
                busy = true;
            }
            revise(scheduledNanos);
        }

        private void revise(long scheduledNanos) {
            StoryState story = stories.get(ThreadLocalRandom.current().nextInt(stories.size()));
            int revision = story.revision + 1;
            String phaseAtStart = phase;
            inFlight.incrementAndGet();
            try {
                send(story, revision, phaseAtStart, scheduledNanos);
            } catch (RuntimeException e) { // not even sent (the generator is closing): the client must not stay busy
                inFlight.decrementAndGet();
                failedWrites.incrementAndGet();
                error("POST revision " + e.getClass().getSimpleName());
                synchronized (this) {
                    busy = false;
                    owed.clear();
                }
            }
        }

        private void send(StoryState story, int revision, String phaseAtStart, long scheduledNanos) {
            http.sendAsync(post(target.storyUrl() + "/api/stories/" + story.storyId + "/revisions", token,
                            StoryTexts.body(story.seed, "Story of " + clientId, revision), story.etag), HttpResponse.BodyHandlers.ofString())
                    .whenCompleteAsync((response, failure) -> {
                        inFlight.decrementAndGet();
                        if (failure != null) {
                            failedWrites.incrementAndGet();
                            error("POST revision " + rootCause(failure).getClass().getSimpleName());
                        } else if (response.statusCode() == 201) {
                            writes.recordValue(Math.max(0, System.nanoTime() - scheduledNanos));
                            story.etag = response.headers().firstValue("ETag").orElse(story.etag);
                            story.revision = intField(response.body(), "revision", revision);
                            ledger.add(new Accepted(clientId, story.storyId, story.revision, phaseAtStart, System.currentTimeMillis()));
                            accepted.incrementAndGet();
                        } else {
                            failedWrites.incrementAndGet();
                            error("POST revision " + response.statusCode());
                            if (response.statusCode() == 412) {
                                refresh(story); // a write whose answer was lost (a fault) moved the story on
                            }
                        }
                        next();
                    }, callbacks);
        }

        private void refresh(StoryState story) {
            try {
                HttpResponse<String> current = http.send(get(target.storyUrl() + "/api/stories/" + story.storyId, token), HttpResponse.BodyHandlers.ofString());
                if (current.statusCode() == 200) {
                    story.etag = current.headers().firstValue("ETag").orElse(story.etag);
                    story.revision = intField(current.body(), "revision", story.revision);
                }
            } catch (Exception e) {
                error("GET story " + rootCause(e).getClass().getSimpleName());
            }
        }

        private void next() {
            Long scheduled;
            synchronized (this) {
                scheduled = owed.poll();
                if (scheduled == null) {
                    busy = false;
                    return;
                }
            }
            if (!running) {
                synchronized (this) {
                    busy = false;
                    owed.clear();
                }
                return;
            }
            revise(scheduled);
        }
    }

    private static final class StoryState {
        final String storyId;
        final long seed;
        volatile String etag;
        volatile int revision;

        StoryState(String storyId, long seed, String etag, int revision) {
            this.storyId = storyId;
            this.seed = seed;
            this.etag = etag;
            this.revision = revision;
        }
    }

    // ------------------------------------------------------------------ figures

    public Recorder writes() {
        return writes;
    }

    public Recorder reads() {
        return reads;
    }

    public long accepted() {
        return accepted.get();
    }

    public long readsDone() {
        return readsDone.get();
    }

    /** Revisions refused or not answered (connection refused, 5xx, 412, timeouts): the client was told, so nothing is accepted. */
    public long failedWrites() {
        return failedWrites.get();
    }

    public long droppedTicks() {
        return droppedTicks.get();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Error responses and failed requests, by request and status or exception. */
    public Map<String, Long> errors() {
        Map<String, Long> out = new java.util.TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public List<Accepted> ledger() {
        return List.copyOf(ledger);
    }

    public List<String> clientIds() {
        return clients.stream().map(c -> c.clientId).toList();
    }

    /** Each client's story ids. */
    public Map<String, List<String>> storiesByClient() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        clients.forEach(c -> out.put(c.clientId, c.stories.stream().map(s -> s.storyId).toList()));
        return out;
    }

    /** A coach's token, for reading views the way the console does. */
    public String coachToken(String clientId) {
        return tokenOfCoach(coachOfClient.get(clientId));
    }

    private String tokenOfCoach(String coachId) {
        return BenchTokens.signedWith(target.keys(), new Caller(coachId, target.orgId(), Set.of(Role.COACH), null, coachId));
    }

    /** Stops new revisions and waits (up to {@code timeout}) for those in flight to be answered. */
    public void drain(Duration timeout) {
        rate = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && (inFlight.get() > 0 || clients.stream().anyMatch(c -> {
            synchronized (c) {
                return c.busy;
            }
        }))) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    @Override
    public void close() {
        running = false;
        if (coaches != null) {
            coaches.shutdownNow();
        }
        callbacks.shutdown();
        httpThreads.shutdownNow();
    }

    // ------------------------------------------------------------------ HTTP

    private void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static HttpRequest post(String url, String token, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(30));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.build();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().timeout(Duration.ofSeconds(30)).build();
    }

    private HttpResponse<String> send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            if (value == null) {
                throw new IllegalStateException("no " + name + " in " + json);
            }
            return value.asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static int intField(String json, String name, int fallback) {
        try {
            JsonNode value = JSON.readTree(json).get(name);
            return value == null ? fallback : value.asInt(fallback);
        } catch (java.io.IOException e) {
            return fallback;
        }
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
