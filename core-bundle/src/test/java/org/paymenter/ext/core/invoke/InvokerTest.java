package org.paymenter.ext.core.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paymenter.ext.api.Category;
import org.paymenter.ext.api.Extension;
import org.paymenter.ext.api.ExtensionException;
import org.paymenter.ext.api.InstanceConfig;
import org.paymenter.ext.api.server.ServerExtension;
import org.paymenter.ext.api.server.TestResult;
import org.paymenter.ext.api.server.Upgradable;
import org.paymenter.ext.core.api.InvocationException;
import org.paymenter.ext.core.api.InvocationException.Kind;
import org.paymenter.ext.core.testing.FakeServer;

class InvokerTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final InstanceConfig CONFIG = new InstanceConfig("abc", "eu-1", Map.of());

    private final Map<String, Extension> running = new ConcurrentHashMap<>();
    private final ExecutorService pool = CallPool.create(4, 8);
    private final Invoker invoker = new Invoker((category, name) -> Optional.ofNullable(running.get(name)),
            Duration.ofSeconds(5), pool);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private String testConnection(String name) {
        return invoker.call(Category.SERVERS, name, ServerExtension.class,
                server -> server.testConnection(CONFIG).message());
    }

    @Test
    void returnsWhatTheExtensionReturns() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThat(testConnection("proxmox")).isEqualTo("reached nowhere");
    }

    @Test
    void extensionExceptionBecomesFailedWithItsMessageAsIs() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0") {
            @Override
            public TestResult testConnection(InstanceConfig config) {
                throw new ExtensionException("Proxmox answered 401: invalid token");
            }
        });

        assertThatThrownBy(() -> testConnection("proxmox")).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.FAILED);
            assertThat(e.getMessage()).isEqualTo("Proxmox answered 401: invalid token");
            assertThat(e.getCause()).isInstanceOf(ExtensionException.class);
        });
    }

    @Test
    void otherExceptionBecomesFailedNamingTheExtensionAndTheException() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, server -> {
            throw new IllegalArgumentException("bad node");
        })).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.FAILED);
            assertThat(e.getMessage()).isEqualTo("extension proxmox failed: IllegalArgumentException: bad node");
        });
    }

    @Test
    void hangingExtensionTimesOutWithinTheLimitIsInterruptedAndThePoolStillWorks() throws Exception {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, server -> {
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        }, SHORT)).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("extension proxmox did not answer within 300 ms");
        });

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(interrupted.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(testConnection("proxmox")).isEqualTo("reached nowhere");
    }

    @Test
    void timeoutInWholeSecondsIsWrittenInSeconds() {
        assertThat(Invoker.describe(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Invoker.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }

    @Test
    void noClassDefFoundErrorBecomesUnavailable() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, server -> {
            throw new NoClassDefFoundError("com/example/proxmox/Client");
        })).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("proxmox").contains("NoClassDefFoundError");
        });
    }

    @Test
    void illegalStateAfterTheExtensionWentAwayBecomesUnavailable() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, server -> {
            running.remove("proxmox");
            throw new IllegalStateException("Invalid BundleContext.");
        })).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo(
                    "extension proxmox went away during the call (IllegalStateException: Invalid BundleContext.)");
        });
    }

    @Test
    void illegalStateFromARunningExtensionIsAnOrdinaryFailure() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, server -> {
            throw new IllegalStateException("node is offline");
        })).isInstanceOfSatisfying(InvocationException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.FAILED));
    }

    @Test
    void capabilityTheExtensionLacksIsUnsupported() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));

        assertThatThrownBy(() -> invoker.call(Category.SERVERS, "proxmox", Upgradable.class,
                upgradable -> upgradable.upgrade(CONFIG, null))).isInstanceOfSatisfying(InvocationException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED);
                            assertThat(e.getMessage()).isEqualTo(
                                    "extension servers/proxmox does not support Upgradable");
                        });
    }

    @Test
    void extensionThatIsNotRunningIsNotFound() {
        assertThatThrownBy(() -> testConnection("proxmox")).isInstanceOfSatisfying(InvocationException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("extension servers/proxmox is not running");
        });
    }

    @Test
    void callsBeyondThreadsAndQueueAreRefusedAsBusy() throws Exception {
        ExecutorService tiny = CallPool.create(1, 1);
        Invoker busy = new Invoker((category, name) -> Optional.ofNullable(running.get(name)), SHORT, tiny);
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));
        CountDownLatch release = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2; i++) {
                tiny.submit(() -> {
                    release.await();
                    return null;
                });
            }
            assertThatThrownBy(() -> busy.call(Category.SERVERS, "proxmox", ServerExtension.class, s -> "x"))
                    .isInstanceOfSatisfying(InvocationException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.BUSY));
        } finally {
            release.countDown();
            tiny.shutdownNow();
        }
    }

    @Test
    void callsRunOnNamedDaemonThreads() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0"));
        AtomicReference<Thread> thread = new AtomicReference<>();

        invoker.call(Category.SERVERS, "proxmox", ServerExtension.class, s -> {
            thread.set(Thread.currentThread());
            return null;
        });

        assertThat(thread.get().getName()).matches("ext-call-\\d+");
        assertThat(thread.get().isDaemon()).isTrue();
    }

    @Test
    void hookFailureIsReportedAsFalseAndNeverThrown() {
        running.put("proxmox", new FakeServer("proxmox", "1.0.0") {
            @Override
            public void installed() {
                throw new IllegalStateException("cannot create tables");
            }
        });

        assertThat(invoker.runHook(Category.SERVERS, "proxmox", "installed()", Extension::installed, SHORT))
                .isFalse();
        assertThat(invoker.runHook(Category.SERVERS, "proxmox", "uninstalled()", Extension::uninstalled, SHORT))
                .isTrue();
        assertThat(invoker.runHook(Category.SERVERS, "absent", "installed()", Extension::installed, SHORT))
                .isFalse();
    }
}
