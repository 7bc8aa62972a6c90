package org.paymenter.ext.bench;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one load-generator run measured: requests completed in the measured window, failures, and the
 * latency distribution in milliseconds. Travels from the generator process to the driver as one
 * {@code RESULT key=value ...} line.
 */
record LoadResult(long requests, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis) {

    static final String PREFIX = "RESULT ";

    double throughput() {
        return requests / seconds;
    }

    String toLine() {
        return String.format(Locale.ROOT, PREFIX + "requests=%d errors=%d seconds=%.3f p50=%.3f p99=%.3f max=%.3f",
                requests, errors, seconds, p50Millis, p99Millis, maxMillis);
    }

    static LoadResult parse(String line) {
        Map<String, String> f = new HashMap<>();
        for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            f.put(kv[0], kv[1]);
        }
        return new LoadResult(Long.parseLong(f.get("requests")), Long.parseLong(f.get("errors")),
                Double.parseDouble(f.get("seconds")), Double.parseDouble(f.get("p50")), Double.parseDouble(f.get("p99")),
                Double.parseDouble(f.get("max")));
    }
}
