package org.paymenter.ext.http.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.paymenter.ext.http.resources.LedgerHealth.State;
import org.paymenter.ext.store.api.PaymentLedger;

class LedgerHealthTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);
    private static final Duration FRESH = Duration.ofSeconds(1);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();

    @Test
    void noLedgerIsUnavailable() {
        LedgerHealth health = health(null);

        assertThat(health.state()).isEqualTo(State.UNAVAILABLE);
    }

    @Test
    void aDatabaseThatAnswersIsOpenAndItsAnswerIsReusedWhileFresh() {
        LedgerHealth health = health(ledger(() -> true));

        assertThat(health.state()).isEqualTo(State.OPEN);
        clock.addAndGet(FRESH.toNanos() - 1);
        assertThat(health.state()).isEqualTo(State.OPEN);
        assertThat(asked).hasValue(1);

        clock.addAndGet(1);
        assertThat(health.state()).isEqualTo(State.OPEN);
        assertThat(asked).hasValue(2);
    }

    @Test
    void aDatabaseThatRefusesIsUnreachable() {
        assertThat(health(ledger(() -> false)).state()).isEqualTo(State.UNREACHABLE);
    }

    @Test
    void aDatabaseThatHangsIsUnreachableAfterTheProbeTimeoutAndIsNotAskedTwiceAtOnce() {
        CountDownLatch release = new CountDownLatch(1);
        LedgerHealth health = health(ledger(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }));

        long start = System.nanoTime();
        assertThat(health.state()).isEqualTo(State.UNREACHABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT);
        clock.addAndGet(FRESH.toNanos());
        assertThat(health.state()).isEqualTo(State.UNREACHABLE);
        assertThat(asked).hasValue(1);

        release.countDown();
        clock.addAndGet(FRESH.toNanos());
        assertThat(health.state()).isEqualTo(State.OPEN);
    }

    private LedgerHealth health(PaymentLedger ledger) {
        return new LedgerHealth(new PaymentStore(() -> ledger, () -> null), TIMEOUT, FRESH, clock::get);
    }

    private PaymentLedger ledger(BooleanSupplier reachable) {
        return (PaymentLedger) Proxy.newProxyInstance(PaymentLedger.class.getClassLoader(),
                new Class<?>[] { PaymentLedger.class }, (proxy, method, args) -> {
                    if (method.getName().equals("reachable")) {
                        asked.incrementAndGet();
                        return reachable.getAsBoolean();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
