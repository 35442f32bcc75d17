package org.toy.gil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The GIL on its own, driven by Java threads that behave like the dispatch loop: they hold the
 * GIL while "running bytecode", poll the eval breaker at their "back edges" and leave through
 * the scoped release to "block". Bounds on timing are generous: the point is the mechanism.
 */
class GilTest {
    private final Interpreter interp = new Interpreter(new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(OutputStream.nullOutputStream()), new BufferedReader(new StringReader("")));
    private final Gil gil = interp.gil();
    private final EvalBreaker breaker = interp.breaker();

    /** A worker's back edge: one volatile read, the slow path only when something is pending. */
    private void backEdge(ThreadState ts) {
        if (breaker.pending() != 0) gil.yieldIfRequested(ts);
    }

    private Thread worker(ThreadState ts, Runnable body) {
        Thread t = new Thread(() -> {
            gil.take(ts);
            try {
                body.run();
            } finally {
                gil.drop(ts);
            }
        });
        t.setDaemon(true);
        return t;
    }

    @Test
    void atMostOneThreadRunsAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicLong steps = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ThreadState ts = new ThreadState(interp, false);
            int id = k;
            threads.add(worker(ts, () -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    int now = inside.incrementAndGet();
                    maxInside.accumulateAndGet(now, Math::max);
                    for (int spin = 0; spin < 200; spin++) Thread.onSpinWait();
                    steps.incrementAndGet();
                    inside.decrementAndGet();
                    backEdge(ts);
                    if (id == 3 && ++n % 1000 == 0) {
                        try (var released = gil.release(ts)) {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join(10_000);
        for (Thread t : threads) assertFalse(t.isAlive(), "a worker never finished");
        assertEquals(1, maxInside.get(), "two threads ran bytecode at the same time");
        assertTrue(steps.get() > 1000);
        assertTrue(gil.stats().switches() > 4, "the GIL never changed hands: " + gil.stats().switches());
    }

    @Test
    void switchesAboutOncePerIntervalWithTwoCpuBoundThreads() throws Exception {
        gil.setInterval(0.005);
        long runNanos = TimeUnit.MILLISECONDS.toNanos(1000);
        long[] switchesIn = new long[2];
        List<Thread> threads = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(2);
        long[] start = new long[1];
        for (int k = 0; k < 2; k++) {
            ThreadState ts = new ThreadState(interp, false);
            int id = k;
            threads.add(new Thread(() -> {
                ready.countDown();
                gil.take(ts);
                long end = System.nanoTime() + runNanos;
                while (System.nanoTime() < end) backEdge(ts);
                switchesIn[id] = ts.gilStats().switchesIn();
                gil.drop(ts);
            }));
        }
        long before = gil.stats().switches();
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join(10_000);
        long switches = gil.stats().switches() - before;
        // 1 s / 5 ms = 200 at most; scheduling noise takes some away. Generous bounds.
        assertTrue(switches >= 40 && switches <= 400, "switches in 1 s at 5 ms: " + switches);
        assertTrue(switchesIn[0] >= 10 && switchesIn[1] >= 10, "both threads got turns: " + switchesIn[0] + ", " + switchesIn[1]);
        assertTrue(gil.stats().dropRequests() >= 20, "drop requests: " + gil.stats().dropRequests());
    }

    @Test
    void aWaiterGetsTheGilFromACpuBoundHolderWithinAFewIntervals() throws Exception {
        gil.setInterval(0.005);
        ThreadState holder = new ThreadState(interp, false);
        ThreadState waiter = new ThreadState(interp, false);
        CountDownLatch holding = new CountDownLatch(1);
        AtomicLong stop = new AtomicLong(0);
        Thread h = worker(holder, () -> {
            holding.countDown();
            while (stop.get() == 0) backEdge(holder);
        });
        h.start();
        holding.await();
        long t0 = System.nanoTime();
        gil.take(waiter);
        long waited = System.nanoTime() - t0;
        assertTrue(gil.isHeldBy(waiter));
        stop.set(1);
        gil.drop(waiter);
        h.join(5000);
        assertTrue(waited < TimeUnit.MILLISECONDS.toNanos(250), "hand-off took " + waited / 1e6 + " ms");
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(3), "the waiter should wait about an interval first");
    }

    @Test
    void theScopedReleaseLetsAnotherThreadRunAtOnce() throws Exception {
        ThreadState a = new ThreadState(interp, false);
        ThreadState b = new ThreadState(interp, false);
        gil.take(a);
        CountDownLatch bRan = new CountDownLatch(1);
        Thread other = worker(b, bRan::countDown);
        try (var released = gil.release(a)) {
            assertFalse(gil.isHeldBy(a));
            other.start();
            assertTrue(bRan.await(2, TimeUnit.SECONDS), "b did not run while a was released");
        }
        assertTrue(gil.isHeldBy(a));
        assertEquals(0, interp.gil().stats().dropRequests(), "no drop request is needed for a blocking call");
        gil.drop(a);
        other.join(2000);
    }

    @Test
    void aNestedReleaseOrAReleaseWithoutTheGilDoesNothing() {
        ThreadState a = new ThreadState(interp, false);
        try (var none = gil.release(a)) {
            assertFalse(gil.isHeldBy(a));
        }
        gil.take(a);
        try (var outer = gil.release(a)) {
            try (var inner = gil.release(a)) {
                assertFalse(gil.isHeldBy(a));
            }
            assertFalse(gil.isHeldBy(a));
        }
        assertTrue(gil.isHeldBy(a));
        gil.drop(a);
    }

    @Test
    void aSingleThreadNeverSetsTheBreaker() {
        ThreadState a = interp.mainThread();
        gil.take(a);
        for (int i = 0; i < 1000; i++) {
            try (var released = gil.release(a)) {
                Thread.onSpinWait();
            }
        }
        assertEquals(0, breaker.pending());
        assertEquals(0, gil.stats().dropRequests());
        gil.drop(a);
    }

    @Test
    void switchIntervalIsKeptInMicrosecondsAsCPython() {
        gil.setInterval(0.001);
        assertEquals(0.001, gil.interval(), 1e-12);
        gil.setInterval(1.5e-7);
        assertEquals(0.0, gil.interval());
        gil.setInterval(0.005);
        assertEquals(0.005, interp.switchInterval(), 1e-12);
    }

    @Test
    void statsAccountHeldWaitedAndBlockedTime() throws Exception {
        ThreadState a = new ThreadState(interp, false);
        gil.take(a);
        try (var released = gil.release(a)) {
            Thread.sleep(30);
        }
        Thread.sleep(20);
        gil.drop(a);
        ThreadStats s = a.gilStats();
        assertTrue(s.blockedNanos() >= TimeUnit.MILLISECONDS.toNanos(25), "blocked " + s.blockedNanos());
        assertTrue(s.heldNanos() >= TimeUnit.MILLISECONDS.toNanos(15), "held " + s.heldNanos());
        assertTrue(gil.stats().table(gil.interval()).contains("blocked ms"));
    }
}
