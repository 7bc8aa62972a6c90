package org.paymenter.ext.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.paymenter.ext.bench.probe.HotDeployProbe;

/**
 * {@code scripts/bench-hotdeploy}: cold start, RSS, install / upgrade / removal and twenty-at-once
 * latencies of the runtime, and the same rounds against a bare Felix + SCR + FileInstall as the same-run
 * peer, with the targets of issue #2 beside the results.
 *
 * <pre>HotDeployBench [--rounds 20] [--poll 100] [--dist distribution/target/paymenter-runtime]
 *                [--peer-bundles benchmarks/target/peer-bundles] [--work benchmarks/target/bench-hotdeploy]</pre>
 */
public final class HotDeployBench {

    private static final String API_LINE = "admin API:";

    /** One line of the summary: a target of NaN means "no target". */
    private record Row(String what, String unit, Stats ours, double target, Stats peer) {
    }

    private HotDeployBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 20;
        int poll = 100;
        Path dist = Path.of("distribution/target/paymenter-runtime");
        Path peerBundles = Path.of("benchmarks/target/peer-bundles");
        Path work = Path.of("benchmarks/target/bench-hotdeploy");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--poll" -> poll = Integer.parseInt(args[i + 1]);
                case "--dist" -> dist = Path.of(args[i + 1]);
                case "--peer-bundles" -> peerBundles = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        work = work.toAbsolutePath();
        HotDeployRounds.deleteTree(work);
        Path jarsDir = work.resolve("jars");
        List<Path> bulk = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            bulk.add(ProbeJars.build(jarsDir, String.format(Locale.ROOT, "bench.bulk%02d", i), "1.0.0", HotDeployProbe.class));
        }
        HotDeployRounds.Jars jars = new HotDeployRounds.Jars(
                ProbeJars.build(jarsDir, HotDeployRounds.PROBE, "1.0.0", HotDeployProbe.class),
                ProbeJars.build(jarsDir, HotDeployRounds.PROBE, "1.0.1", HotDeployProbe.class), bulk);

        Subject ours = Subject.runtime(dist.toAbsolutePath());
        Subject peer = Subject.peer(peerBundles.toAbsolutePath(), poll);
        long began = System.nanoTime();
        CpuLoad load = CpuLoad.now();
        progress("cold starts of " + ours.name() + ": " + (rounds + 1) + " x 2 launches, empty folder and"
                + " one probe (the first of each is a warm-up)");
        ColdStartRounds.Result coldOurs = new ColdStartRounds(ours, work.resolve("cold-runtime"), jars.probe100(), API_LINE,
                true).run(rounds);
        progress("cold starts of " + peer.name() + ": " + (rounds + 1) + " launches with one probe");
        ColdStartRounds.Result coldPeer = new ColdStartRounds(peer, work.resolve("cold-peer"), jars.probe100(), null,
                false).run(rounds);
        progress("hot deploy rounds on " + ours.name() + ": " + (rounds + 1) + " cycles, " + (rounds + 1) + " x 20 jars");
        HotDeployRounds.Result hotOurs = new HotDeployRounds(ours, work.resolve("hot-runtime"), jars, API_LINE).run(rounds);
        progress("hot deploy rounds on " + peer.name());
        HotDeployRounds.Result hotPeer = new HotDeployRounds(peer, work.resolve("hot-peer"), jars, null).run(rounds);

        List<Row> rows = List.of(
                new Row("cold start -> ready line, empty folder", "ms", Stats.of(coldOurs.readyEmpty()), 1000,
                        Stats.of(coldPeer.readyEmpty())),
                new Row("cold start -> ready line, 1 probe jar", "ms", Stats.of(coldOurs.readyWithProbe()), 1000,
                        Stats.of(coldPeer.readyWithProbe())),
                new Row("cold start -> probe activated", "ms", Stats.of(coldOurs.probeActivated()), 1000,
                        Stats.of(coldPeer.probeActivated())),
                new Row("RSS after start (1 probe, serving)", "MiB", Stats.of(coldOurs.rssMiB()), 150,
                        Stats.of(coldPeer.rssMiB())),
                new Row("install: mv -> activated", "ms", Stats.of(hotOurs.install()), 50, Stats.of(hotPeer.install())),
                new Row("upgrade: mv over -> new activated", "ms", Stats.of(hotOurs.upgrade()), 60,
                        Stats.of(hotPeer.upgrade())),
                new Row("upgrade gap: old deact. -> new act.", "ms", Stats.of(hotOurs.gap()), 20, Stats.of(hotPeer.gap())),
                new Row("removal: rm -> deactivated", "ms", Stats.of(hotOurs.removal()), 50, Stats.of(hotPeer.removal())),
                new Row("20 jars: mv -> all activated", "ms", Stats.of(hotOurs.bulkInstall()), 300,
                        Stats.of(hotPeer.bulkInstall())),
                new Row("20 jars: rm -> all deactivated", "ms", Stats.of(hotOurs.bulkRemoval()), Double.NaN,
                        Stats.of(hotPeer.bulkRemoval())));

        System.out.println();
        System.out.println("bench-hotdeploy " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version")
                + ", JAVA_OPTS=" + String.join(" ", JavaProcess.javaOpts()) + ", " + rounds + " rounds, "
                + (System.nanoTime() - began) / 1_000_000_000 + " s");
        System.out.println("ours = " + ours.name() + " (" + dist + "); peer = " + peer.name()
                + "; times are medians unless named");
        TextTable table = new TextTable("measurement", "unit", "n", "min", "median", "p95", "max", "target", "result",
                "peer median", "peer p95", "ours/peer");
        for (Row row : rows) {
            Stats s = row.ours();
            boolean hasTarget = !Double.isNaN(row.target());
            table.add(row.what(), row.unit(), Integer.toString(s.n()), TextTable.num(s.min()), TextTable.num(s.median()),
                    TextTable.num(s.p95()), TextTable.num(s.max()),
                    hasTarget ? "<= " + (long) row.target() : "-",
                    hasTarget ? (s.median() <= row.target() ? "PASS" : "MISS") : "-",
                    TextTable.num(row.peer().median()), TextTable.num(row.peer().p95()),
                    TextTable.ratio(s.median(), row.peer().median()));
        }
        table.print(System.out);
        System.out.println();
        System.out.printf(Locale.ROOT, "RSS of the hot-deploy process: 1 s after start %.1f MiB (peer %.1f), after all rounds"
                + " %.1f MiB (peer %.1f)%n", hotOurs.rssIdleMiB(), hotPeer.rssIdleMiB(), hotOurs.rssAfterMiB(),
                hotPeer.rssAfterMiB());
        System.out.printf(Locale.ROOT, "probe activate/deactivate markers: ours %d, peer %d, expected %d"
                + " (more means a bundle was restarted twice)%n", hotOurs.probeEvents(), hotPeer.probeEvents(),
                hotOurs.expectedProbeEvents());
        System.out.println("machine during the run: " + CpuLoad.now().describeSince(load));
        System.out.println("logs and markers: " + work);
    }

    private static void progress(String message) {
        System.out.println("... " + message);
    }
}
