package org.paymenter.ext.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.paymenter.ext.bench.ledgerprobe.ProbeGateway;

/**
 * {@code scripts/bench-ledger}: signed webhooks accepted end to end by the runtime on its default embedded
 * H2 store: the gateway checks the signature, the ledger commits the payment and its outbox row, then the
 * provider gets its 2xx. Every webhook is a new payment. The load generator (a second JVM) keeps N
 * connections busy, closed loop; one uncounted run, then several; reports the median throughput and the
 * median p99 beside the targets.
 *
 * <pre>LedgerBench [--connections 8] [--warmup 3] [--duration 5] [--runs 3]
 *             [--dist distribution/target/paymenter-runtime] [--work benchmarks/target/bench-ledger]</pre>
 */
public final class LedgerBench {

    private static final double TARGET_PER_SECOND = 2000;
    private static final double TARGET_P99_MILLIS = 20;
    private static final String SECRET = "bench-ledger-secret";

    private LedgerBench() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args, Path.of("benchmarks/target/bench-ledger"));
        int connections = options.connections();
        double warmup = options.warmup();
        double duration = options.duration();
        int runs = options.runs();
        Path dist = options.dist();
        Path work = options.work();
        HotDeployRounds.deleteTree(work);
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        ProbeJars.build(bundles, "bench.ledger.gateway", "1.0.0", ProbeGateway.class);
        String classPath = Subject.benchmarksJar() + File.pathSeparator + Subject.benchmarksJar().resolveSibling("lib") + "/*";
        CpuLoad load = CpuLoad.now();
        long began = System.nanoTime();

        try (JavaProcess runtime = Subject.runtime(dist.toAbsolutePath()).start(bundles, work.resolve("data"),
                new MarkerLog(work.resolve("markers")), work.resolve("runtime.log"))) {
            String adminUrl = runtime.await("admin API:", Subject.START_TIMEOUT).text().substring(10).trim();
            String token = Files.readString(work.resolve("data/admin-token"), StandardCharsets.UTF_8).trim();
            String webhook = adminUrl + "/api/v1/webhooks/" + ProbeGateway.NAME + "/" + createInstance(adminUrl, token);
            System.out.println("... runtime on " + adminUrl + " (embedded H2 in " + work.resolve("data/db") + "); "
                    + connections + " senders POST signed webhooks to " + URI.create(webhook).getPath());
            List<String> load0 = request(webhook, connections, warmup, duration, "warmup");
            System.out.println("... warm-up run (not counted)");
            loadRun(classPath, work.resolve("loadgen-0.log"), load0, warmup + duration);
            List<LoadResult> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                System.out.println("... run " + run + "/" + runs);
                results.add(loadRun(classPath, work.resolve("loadgen-" + run + ".log"),
                        request(webhook, connections, warmup, duration, "run" + run), warmup + duration));
            }
            String again = post(webhook, "paid:run1-1:10.00");
            report(results, connections, warmup, duration, began, runtime.rssMiB(), again);
        }
        System.out.println("machine during the run: " + CpuLoad.now().describeSince(load));
        System.out.println("logs: " + work);
    }

    /** The load generator's arguments: unique invoices per run ({@code <run>-<seq>}), signed. */
    private static List<String> request(String webhook, int connections, double warmup, double duration, String run) {
        return List.of(webhook, "-", Integer.toString(connections), Double.toString(warmup), Double.toString(duration),
                "POST", "paid:" + run + "-{seq}:10.00", ProbeGateway.SIGNATURE_HEADER + ": " + SECRET);
    }

    /** Waits for the gateway to serve and creates its instance; returns the instance id. */
    private static String createInstance(String adminUrl, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI metadata = URI.create(adminUrl + "/api/v1/admin/extensions/gateways/" + ProbeGateway.NAME + "/metadata");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (client.send(HttpRequest.newBuilder(metadata).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(ProbeGateway.NAME + " did not start within 30 s");
            }
            MarkerLog.sleepMillis(100);
        }
        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(adminUrl
                + "/api/v1/admin/extensions/gateways/" + ProbeGateway.NAME + "/instances"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"config\":{\"secret\":\"" + SECRET
                        + "\",\"currency\":\"EUR\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating the gateway instance answered " + created.statusCode() + ": "
                    + created.body());
        }
        return created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String post(String webhook, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(webhook))
                .header(ProbeGateway.SIGNATURE_HEADER, SECRET).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static LoadResult loadRun(String classPath, Path log, List<String> args, double seconds) throws Exception {
        try (JavaProcess gen = JavaProcess.start("loadgen", List.of(), classPath, LoadGen.class.getName(), args, log)) {
            int exit = gen.waitFor(Duration.ofSeconds((long) seconds + 60));
            JavaProcess.Line line = gen.await(LoadResult.PREFIX, Duration.ofSeconds(5));
            if (exit != 0) {
                throw new IllegalStateException("load generator exited with " + exit + "; see " + log);
            }
            return LoadResult.parse(line.text());
        }
    }

    private static void report(List<LoadResult> results, int connections, double warmup, double duration, long began,
            double rss, String duplicateAnswer) {
        double perSecond = Stats.median(results.stream().map(LoadResult::throughput).toList());
        double p50 = Stats.median(results.stream().map(LoadResult::p50Millis).toList());
        double p99 = Stats.median(results.stream().map(LoadResult::p99Millis).toList());
        double max = results.stream().mapToDouble(LoadResult::maxMillis).max().orElse(Double.NaN);
        long errors = results.stream().mapToLong(LoadResult::errors).sum();
        System.out.println();
        System.out.println("bench-ledger " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", JAVA_OPTS=" + String.join(" ", JavaProcess.javaOpts()) + ", "
                + (System.nanoTime() - began) / 1_000_000_000 + " s");
        System.out.printf(Locale.ROOT, "load: %d concurrent senders (keep-alive HTTP/1.1, closed loop) from a second JVM,"
                + " each webhook a new payment; %.0f s warm-up + %.0f s measured, %d runs after one uncounted run;"
                + " figures are the median over the runs%n", connections, warmup, duration, results.size());
        TextTable table = new TextTable("webhooks", "per run (/s)", "median /s", "p50 ms", "p99 ms", "max ms", "errors");
        table.add("signed webhook -> commit -> 200", String.join(" / ", results.stream()
                .map(r -> String.format(Locale.ROOT, "%.0f", r.throughput())).toList()),
                String.format(Locale.ROOT, "%.0f", perSecond), String.format(Locale.ROOT, "%.2f", p50),
                String.format(Locale.ROOT, "%.2f", p99), String.format(Locale.ROOT, "%.1f", max), Long.toString(errors));
        table.print(System.out);
        System.out.println();
        TextTable targets = new TextTable("target", "measured", "target", "result");
        targets.add("webhooks accepted per second", String.format(Locale.ROOT, "%.0f /s", perSecond),
                String.format(Locale.ROOT, ">= %.0f /s", TARGET_PER_SECOND), perSecond >= TARGET_PER_SECOND ? "PASS" : "MISS");
        targets.add("p99 latency", String.format(Locale.ROOT, "%.2f ms", p99),
                String.format(Locale.ROOT, "<= %.0f ms", TARGET_P99_MILLIS), p99 <= TARGET_P99_MILLIS ? "PASS" : "MISS");
        targets.print(System.out);
        System.out.printf(Locale.ROOT, "%nthe first webhook of run 1 sent again: %s%nRSS after the runs: runtime %.1f MiB%n",
                duplicateAnswer, rss);
    }
}
