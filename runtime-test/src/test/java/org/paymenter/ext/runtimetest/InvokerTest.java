package org.paymenter.ext.runtimetest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paymenter.ext.testkit.Poll;
import org.paymenter.ext.testkit.RuntimeExtension;
import org.paymenter.ext.testkit.RuntimeHarness;
import org.paymenter.ext.testkit.Samples;
import org.paymenter.ext.testkit.samples.hanging.HangingServer;
import org.paymenter.ext.testkit.samples.server.SampleServer;

/** An extension that hangs costs its caller the time limit and one interrupted call, not the runtime. */
class InvokerTest {

    private static final Duration LIMIT = Duration.ofSeconds(1);

    /** The core reads the limit through BundleContext.getProperty, which falls back to system properties. */
    @RegisterExtension
    static final RuntimeExtension RUNTIME = new RuntimeExtension()
            .withSystemProperty("paymenter.invoke.timeout.ms", Long.toString(LIMIT.toMillis()));

    private final RuntimeHarness rt = RUNTIME.harness();

    @BeforeAll
    static void deploy() {
        RuntimeHarness rt = RUNTIME.harness();
        rt.deploy(Samples.hanging().build(rt.scratchDir()));
        rt.deploy(Samples.server().build(rt.scratchDir()));
        rt.awaitShell(out -> out.contains(HangingServer.NAME) && out.contains(SampleServer.NAME), "list");
        rt.shell("config", HangingServer.NAME, "stuck-1", "host=never.example");
        rt.shell("config", SampleServer.NAME, "fine-1", "host=fine.example");
    }

    @Test
    void hangingExtensionFailsWithATimeoutAndIsInterrupted() {
        long start = System.nanoTime();
        String result = rt.shell("test", "stuck-1");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).startsWith("failed:").contains(HangingServer.NAME)
                .containsAnyOf(LIMIT.toMillis() + " ms", LIMIT.toSeconds() + " s"); // names the limit
        assertThat(took).isGreaterThanOrEqualTo(LIMIT).isLessThan(LIMIT.multipliedBy(5));
        Poll.untilTrue("the hanging call interrupted", Poll.DEFAULT_TIMEOUT, () -> !hangingCallRuns(),
                () -> "a thread still sleeps in " + HangingServer.class.getSimpleName() + ".testConnection");
        assertThat(rt.shell("test", "fine-1")).startsWith("ok:");
        assertThat(rt.shell("list")).contains(HangingServer.NAME, SampleServer.NAME);
    }

    @Test
    void callsBesideAHangingOneAreNotHeldUp() {
        CompletableFuture<String> stuck = CompletableFuture.supplyAsync(() -> rt.shell("test", "stuck-1"));
        Poll.untilTrue("the hanging call under way", Poll.DEFAULT_TIMEOUT, InvokerTest::hangingCallRuns,
                () -> "no thread in " + HangingServer.class.getSimpleName() + ".testConnection");

        long start = System.nanoTime();
        assertThat(rt.shell("test", "fine-1")).startsWith("ok:");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a call beside a hanging one").isLessThan(LIMIT);

        assertThat(stuck.join()).startsWith("failed:");
    }

    /** Whether some thread is inside the hanging extension's testConnection right now. */
    private static boolean hangingCallRuns() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(f -> f.getClassName().equals(HangingServer.class.getName())
                        && f.getMethodName().equals("testConnection"));
    }
}
