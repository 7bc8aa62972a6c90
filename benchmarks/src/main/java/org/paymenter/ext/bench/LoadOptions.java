package org.paymenter.ext.bench;

import java.nio.file.Path;

/**
 * The command-line options shared by the load benchmarks (bench-api, bench-ledger):
 * {@code [--connections 8] [--warmup 3] [--duration 5] [--runs 3] [--dist ...] [--work ...]}.
 */
record LoadOptions(int connections, double warmup, double duration, int runs, Path dist, Path work) {

    static LoadOptions parse(String[] args, Path defaultWork) {
        int connections = 8;
        double warmup = 3;
        double duration = 5;
        int runs = 3;
        Path dist = Path.of("distribution/target/paymenter-runtime");
        Path work = defaultWork;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--connections" -> connections = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Double.parseDouble(args[i + 1]);
                case "--duration" -> duration = Double.parseDouble(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dist" -> dist = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new LoadOptions(connections, warmup, duration, runs, dist, work.toAbsolutePath());
    }
}
