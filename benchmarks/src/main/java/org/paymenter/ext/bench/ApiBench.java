package org.paymenter.ext.bench;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.paymenter.ext.bench.apiprobe.other.ProbeOther;
import org.paymenter.ext.bench.apiprobe.server.ProbeServer;

/**
 * {@code scripts/bench-api}: the admin API's {@code GET /api/v1/admin/extensions} with 16 extensions
 * installed against a bare Jetty handler answering the same bytes, each loaded by the same load generator
 * from a second process: one uncounted warm-up run each (both JVMs' JIT settles), then several runs,
 * alternating; reports the median of the runs.
 *
 * <pre>ApiBench [--connections 8] [--warmup 3] [--duration 5] [--runs 3]
 *          [--dist distribution/target/paymenter-runtime] [--work benchmarks/target/bench-api]</pre>
 */
public final class ApiBench {

    private static final String PATH = "/api/v1/admin/extensions";
    private static final int SERVERS = 10;
    private static final int OTHERS = 6;

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args, Path.of("benchmarks/target/bench-api"));
        int connections = options.connections();
        double warmup = options.warmup();
        double duration = options.duration();
        int runs = options.runs();
        Path dist = options.dist();
        Path work = options.work();
        HotDeployRounds.deleteTree(work);
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        for (int i = 1; i <= SERVERS + OTHERS; i++) {
            boolean server = i <= SERVERS;
            String bsn = String.format(Locale.ROOT, server ? "bench.api.server%02d" : "bench.api.notifier%02d",
                    server ? i : i - SERVERS);
            ProbeJars.build(bundles, bsn, "1.0.0", server ? ProbeServer.class : ProbeOther.class);
        }
        String classPath = Subject.benchmarksJar() + java.io.File.pathSeparator
                + Subject.benchmarksJar().resolveSibling("lib") + "/*";
        CpuLoad load = CpuLoad.now();
        long began = System.nanoTime();

        Subject subject = Subject.runtime(dist.toAbsolutePath());
        try (JavaProcess runtime = subject.start(bundles, work.resolve("data"), new MarkerLog(work.resolve("markers")),
                work.resolve("runtime.log"))) {
            String adminUrl = runtime.await("admin API:", Subject.START_TIMEOUT).text().substring(10).trim();
            String token = Files.readString(work.resolve("data/admin-token"), StandardCharsets.UTF_8).trim();
            byte[] body = listing(URI.create(adminUrl + PATH), token);
            Path bodyFile = work.resolve("body.json");
            Files.write(bodyFile, body);
            System.out.println("... admin API at " + adminUrl + " lists " + (SERVERS + OTHERS) + " extensions in "
                    + body.length + " bytes; the bare Jetty answers those bytes");
            try (JavaProcess bare = JavaProcess.start("bare-jetty", List.of("-Dslf4j.internal.verbosity=ERROR"),
                    classPath, BareJetty.class.getName(), List.of(bodyFile.toString()), work.resolve("bare-jetty.log"))) {
                String bareUrl = bare.await("bare jetty on ", Subject.START_TIMEOUT).text().split(" ")[3];
                Map<String, String> urls = new LinkedHashMap<>();
                urls.put("bare Jetty 12 handler", bareUrl + PATH);
                urls.put("admin API " + PATH, adminUrl + PATH);
                for (Map.Entry<String, String> target : urls.entrySet()) {
                    System.out.println("... warm-up run (not counted): " + target.getKey());
                    loadRun(classPath, work, target.getValue(), token, connections, warmup, duration, 0);
                }
                Map<String, List<LoadResult>> results = new LinkedHashMap<>();
                for (int run = 1; run <= runs; run++) {
                    for (Map.Entry<String, String> target : urls.entrySet()) {
                        System.out.println("... run " + run + "/" + runs + ": " + target.getKey());
                        results.computeIfAbsent(target.getKey(), k -> new ArrayList<>()).add(
                                loadRun(classPath, work, target.getValue(), token, connections, warmup, duration, run));
                    }
                }
                report(results, connections, warmup, duration, runs, began, runtime.rssMiB(), bare.rssMiB());
            }
        }
        System.out.println("machine during the run: " + CpuLoad.now().describeSince(load));
        System.out.println("logs: " + work);
    }

    /** The admin API's answer once it lists every extension as active. */
    private static byte[] listing(URI uri, String token) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String text = new String(response.body(), StandardCharsets.UTF_8);
            int active = text.split("\"state\":\"active\"", -1).length - 1;
            if (response.statusCode() == 200 && active >= SERVERS + OTHERS) {
                return response.body();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + " with " + active
                        + " active extensions, not " + (SERVERS + OTHERS) + ": " + text);
            }
            MarkerLog.sleepMillis(100);
        }
    }

    private static LoadResult loadRun(String classPath, Path work, String url, String token, int connections,
            double warmup, double duration, int run) throws Exception {
        Path log = work.resolve("loadgen-" + run + "-" + URI.create(url).getPort() + ".log");
        try (JavaProcess gen = JavaProcess.start("loadgen", List.of(), classPath, LoadGen.class.getName(),
                List.of(url, token, Integer.toString(connections), Double.toString(warmup), Double.toString(duration)),
                log)) {
            int exit = gen.waitFor(Duration.ofSeconds((long) (warmup + duration) + 60));
            JavaProcess.Line line = gen.await(LoadResult.PREFIX, Duration.ofSeconds(5));
            if (exit != 0) {
                throw new IllegalStateException("load generator exited with " + exit + "; see " + log);
            }
            return LoadResult.parse(line.text());
        }
    }

    private static void report(Map<String, List<LoadResult>> results, int connections, double warmup, double duration,
            int runs, long began, double runtimeRss, double bareRss) {
        System.out.println();
        System.out.println("bench-api " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", JAVA_OPTS=" + String.join(" ", JavaProcess.javaOpts()) + ", "
                + (System.nanoTime() - began) / 1_000_000_000 + " s");
        System.out.printf(Locale.ROOT, "load: %d keep-alive HTTP/1.1 connections from a second JVM, closed loop, %.0f s"
                + " warm-up + %.0f s measured, %d runs each (alternating, after one uncounted run each); figures are the"
                + " median over the runs%n",
                connections, warmup, duration, runs);
        TextTable table = new TextTable("server", "req/s per run", "req/s", "p50 ms", "p99 ms", "max ms", "errors");
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<LoadResult>> e : results.entrySet()) {
            List<LoadResult> rs = e.getValue();
            double rps = Stats.median(rs.stream().map(LoadResult::throughput).toList());
            double p50 = Stats.median(rs.stream().map(LoadResult::p50Millis).toList());
            double p99 = Stats.median(rs.stream().map(LoadResult::p99Millis).toList());
            double max = rs.stream().mapToDouble(LoadResult::maxMillis).max().orElse(Double.NaN);
            long errors = rs.stream().mapToLong(LoadResult::errors).sum();
            medians.put(e.getKey(), new double[] { rps, p50, p99 });
            table.add(e.getKey(), String.join(" / ", rs.stream().map(r -> String.format(Locale.ROOT, "%.0f", r.throughput()))
                    .toList()), String.format(Locale.ROOT, "%.0f", rps), String.format(Locale.ROOT, "%.2f", p50),
                    String.format(Locale.ROOT, "%.2f", p99), String.format(Locale.ROOT, "%.1f", max), Long.toString(errors));
        }
        table.print(System.out);
        List<double[]> m = new ArrayList<>(medians.values());
        double ratio = m.get(1)[0] / m.get(0)[0];
        double p99 = m.get(1)[2];
        System.out.println();
        TextTable targets = new TextTable("target", "measured", "target", "result");
        targets.add("admin API throughput / bare Jetty's", String.format(Locale.ROOT, "%.1f %%", 100 * ratio), ">= 50 %",
                ratio >= 0.5 ? "PASS" : "MISS");
        targets.add("admin API p99 latency", String.format(Locale.ROOT, "%.2f ms", p99), "<= 10 ms", p99 <= 10 ? "PASS" : "MISS");
        targets.add("admin API p50 latency / bare Jetty's", String.format(Locale.ROOT, "%.2f x", m.get(1)[1] / m.get(0)[1]),
                "-", "-");
        targets.print(System.out);
        System.out.printf(Locale.ROOT, "%nRSS after the runs: runtime %.1f MiB, bare Jetty %.1f MiB%n", runtimeRss, bareRss);
    }
}
