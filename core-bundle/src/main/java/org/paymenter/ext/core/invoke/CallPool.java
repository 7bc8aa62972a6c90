package org.paymenter.ext.core.invoke;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The bounded pool extension calls run on. */
public final class CallPool {

    /** Idle threads end after this, so a quiet host holds none. */
    private static final Duration IDLE = Duration.ofSeconds(60);

    private CallPool() {
    }

    /**
     * @param threads how many calls run at once
     * @param queue   how many calls may wait for a thread; beyond that a call is refused at once
     */
    public static ExecutorService create(int threads, int queue) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, IDLE.toMillis(), TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), new CallThreads(), new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
