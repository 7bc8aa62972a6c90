package org.paymenter.ext.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary of one series of samples (milliseconds, MiB or req/s). Median: mean of the two middle values
 * for an even count; p95 and p99: nearest rank.
 */
record Stats(int n, double min, double median, double p95, double max) {

    static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(n, sorted.get(0), median, percentile(sorted, 95), sorted.get(n - 1));
    }

    /** Nearest-rank percentile of an ascending list. */
    static double percentile(List<Double> sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double median(List<Double> samples) {
        return of(samples).median();
    }
}
