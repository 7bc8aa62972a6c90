package org.paymenter.ext.core.invoke;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names call threads {@code ext-call-N} (readable in thread dumps) and makes them daemons. */
final class CallThreads implements ThreadFactory {

    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "ext-call-" + counter.incrementAndGet());
        // A hung extension must never keep the JVM from exiting.
        thread.setDaemon(true);
        return thread;
    }
}
