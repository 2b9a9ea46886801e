package org.govkiosk.app.context;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's threads: every executor, scheduler and thread a component of the terminal runs on is made here,
 * named after the component, as a daemon (a stuck one never keeps the JVM from exiting), and remembered. {@link
 * #close} closes them all in reverse order of creation: shutdown, wait up to the bound for the running task, then
 * shutdownNow (which interrupts it) and a last bounded wait. An assembly that must stop its threads at a given
 * moment of its own close (before the services they feed, say) does so with {@link #close(Object)} or {@link
 * #closeNow(Object)}; the registry's close then leaves them be.
 */
public final class ExecutorRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorRegistry.class);
    /** How long a closing executor's running task is given before it is interrupted. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(2);

    private final Duration bound;
    /** What was made, in order of creation: {@link ExecutorService}s and {@link Thread}s. */
    private final List<Object> made = new ArrayList<>();
    private boolean closed;

    public ExecutorRegistry() {
        this(DEFAULT_BOUND);
    }

    public ExecutorRegistry(Duration bound) {
        this.bound = bound;
    }

    /** One thread, named {@code name-1}, running tasks in order. */
    public ExecutorService singleThread(String name) {
        return remember(Executors.newSingleThreadExecutor(daemonThreads(name)));
    }

    /** {@code threads} threads named {@code name-1}, {@code name-2}…, sharing one queue. */
    public ExecutorService pool(String name, int threads) {
        return remember(Executors.newFixedThreadPool(threads, daemonThreads(name)));
    }

    /**
     * A scheduler with {@code threads} threads. Delayed and periodic tasks not yet begun are dropped when it closes:
     * a terminal stopping waits for no timer.
     */
    public ScheduledExecutorService scheduler(String name, int threads) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(threads, daemonThreads(name));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        scheduler.setRemoveOnCancelPolicy(true);
        return remember(scheduler);
    }

    /** A daemon thread named {@code name}, not started; on close it is interrupted if still running. */
    public Thread thread(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return remember(t);
    }

    /** Daemon threads named {@code name-1}, {@code name-2}…; each one made is remembered and closed like {@link #thread}. */
    public ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return task -> thread(name + "-" + n.incrementAndGet(), task);
    }

    private <T> T remember(T executorOrThread) {
        boolean refused;
        synchronized (this) {
            refused = closed;
            if (!refused) {
                made.removeIf(o -> o instanceof Thread t && t.getState() == Thread.State.TERMINATED);
                made.add(executorOrThread);
            }
        }
        if (refused) {
            stop(executorOrThread, false);
            throw new IllegalStateException("the terminal's threads are closed");
        }
        return executorOrThread;
    }

    /** Closes one executor or thread this registry made, now rather than at {@link #close()}: bounded, gently first. */
    public void close(Object executorOrThread) {
        if (forget(executorOrThread)) {
            stop(executorOrThread, true);
        }
    }

    /** Closes one executor or thread this registry made at once: its running task is interrupted, queued ones dropped. */
    public void closeNow(Object executorOrThread) {
        if (forget(executorOrThread)) {
            stop(executorOrThread, false);
        }
    }

    private synchronized boolean forget(Object executorOrThread) {
        for (int i = 0; i < made.size(); i++) {
            if (made.get(i) == executorOrThread) {
                made.remove(i);
                return true;
            }
        }
        return false;
    }

    /** Everything this registry made and has not closed yet, in order of creation (for tests and diagnostics). */
    public synchronized List<Object> open() {
        return List.copyOf(made);
    }

    /** Closes everything made and not closed yet, the most recent first. A second close does nothing. */
    @Override
    public void close() {
        List<Object> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(made);
            made.clear();
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            stop(toClose.get(i), true);
        }
    }

    private void stop(Object executorOrThread, boolean gently) {
        try {
            if (executorOrThread instanceof ExecutorService executor) {
                stop(executor, gently);
            } else if (executorOrThread instanceof Thread thread) {
                stop(thread, gently);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Closing {} failed: {}", executorOrThread, e.toString());
        }
    }

    private void stop(ExecutorService executor, boolean gently) throws InterruptedException {
        if (gently) {
            executor.shutdown();
            if (executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        executor.shutdownNow();
        if (!executor.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("An executor did not stop within {} after being interrupted: {}", bound, executor);
        }
    }

    private void stop(Thread thread, boolean gently) throws InterruptedException {
        if (thread == Thread.currentThread() || thread.getState() == Thread.State.NEW) {
            return;
        }
        if (gently) {
            thread.join(bound.toMillis());
        }
        if (thread.isAlive()) {
            thread.interrupt();
            thread.join(bound.toMillis());
            if (thread.isAlive()) {
                LOG.warn("Thread {} did not stop within {} after being interrupted", thread.getName(), bound);
            }
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
