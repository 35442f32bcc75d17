package org.toy.futures;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.toy.pool.Waits;
import org.toy.process.ToyProcessAccess;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToySet;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code wait(fs, timeout, return_when)} and {@code as_completed(fs, timeout)}. The caller
 * installs a waiter (a Java monitor) on every future, as {@code _base.py} does; a future that
 * completes or is cancelled notifies it, and the caller re-checks its condition.
 */
final class Completion {
    private Completion() {}

    static final String FIRST_COMPLETED = "FIRST_COMPLETED";
    static final String FIRST_EXCEPTION = "FIRST_EXCEPTION";
    static final String ALL_COMPLETED = "ALL_COMPLETED";

    /** The futures of {@code fs}, each once (CPython makes a set of them). */
    static List<ToyFuture> futures(ToyObject fs) {
        LinkedHashSet<ToyFuture> seen = new LinkedHashSet<>();
        for (ToyObject o : ToyProcessAccess.sequence(fs)) {
            if (!(o instanceof ToyFuture f)) throw Errors.attributeError("'" + o.type().name() + "' object has no attribute '_condition'");
            seen.add(f);
        }
        return new ArrayList<>(seen);
    }

    static ToyObject await(ThreadState ts, List<ToyFuture> fs, double timeout, String returnWhen) {
        if (!returnWhen.equals(FIRST_COMPLETED) && !returnWhen.equals(FIRST_EXCEPTION) && !returnWhen.equals(ALL_COMPLETED)) {
            throw Errors.valueError("Invalid return condition: " + ToyStr.of(returnWhen).repr());
        }
        Object waiter = new Object();
        for (ToyFuture f : fs) f.addWaiter(waiter);
        try {
            Waits.until(ts, waiter, () -> satisfied(fs, returnWhen), timeout);
        } finally {
            for (ToyFuture f : fs) f.removeWaiter(waiter);
        }
        ToySet done = new ToySet();
        ToySet notDone = new ToySet();
        for (ToyFuture f : fs) (f.isDone() ? done : notDone).add(f);
        return new DoneAndNotDone(done, notDone);
    }

    private static boolean satisfied(List<ToyFuture> fs, String returnWhen) {
        int done = 0;
        for (ToyFuture f : fs) {
            if (!f.isDone()) continue;
            done++;
            if (returnWhen.equals(FIRST_COMPLETED)) return true;
            if (returnWhen.equals(FIRST_EXCEPTION) && f.raised()) return true;
        }
        return done == fs.size();
    }

    /** {@code as_completed}'s iterator: the futures already done, then each as it completes. */
    static final class AsCompleted extends ToyObject implements org.toy.ipc.Codec.ProcessLocal {
        static final ToyType TYPE = new ToyType("generator", ToyType.OBJECT);

        private final List<ToyFuture> left;
        private final int total;
        private final long deadline;
        private final Object waiter = new Object();

        AsCompleted(List<ToyFuture> fs, double timeout) {
            this.left = new ArrayList<>(fs);
            this.total = fs.size();
            this.deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
            for (ToyFuture f : fs) f.addWaiter(waiter);
        }

        @Override public ToyType type() { return TYPE; }

        @Override public ToyObject iter() { return this; }

        private ToyFuture takeDone() {
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i).isDone()) return left.remove(i);
            }
            return null;
        }

        @Override
        public ToyObject next() {
            ThreadState ts = ThreadState.current();
            if (left.isEmpty()) return null;
            ToyFuture[] found = new ToyFuture[1];
            double secs = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1e9);
            boolean ok = Waits.until(ts, waiter, () -> (found[0] = takeDone()) != null, secs);
            if (!ok) {
                for (ToyFuture f : left) f.removeWaiter(waiter);
                throw new ToyError(ToyException.of(ExceptionTypes.TIMEOUT_ERROR, left.size() + " (of " + total + ") futures unfinished"));
            }
            found[0].removeWaiter(waiter);
            return found[0];
        }

        @Override
        public String repr() { return "<generator object as_completed at 0x" + Long.toHexString(Ops.id(this)) + ">"; }
    }

    /** {@code DoneAndNotDoneFutures(done, not_done)}: the named pair {@code wait} returns. */
    static final class DoneAndNotDone extends ToyObject implements org.toy.ipc.Codec.ProcessLocal {
        static final ToyType TYPE = new ToyType("concurrent.futures._base.DoneAndNotDoneFutures", ToyType.OBJECT);

        private final ToyTuple pair;

        DoneAndNotDone(ToySet done, ToySet notDone) { this.pair = ToyTuple.of(done, notDone); }

        @Override public ToyType type() { return TYPE; }

        @Override public int len() { return 2; }

        @Override public ToyObject getItem(ToyObject key) { return pair.getItem(key); }

        @Override public ToyObject iter() { return pair.iter(); }

        @Override public boolean eq(ToyObject other) { return other instanceof DoneAndNotDone d ? pair.eq(d.pair) : pair.eq(other); }

        @Override public long hash() { return pair.hash(); }

        @Override
        public ToyObject getAttr(String name) {
            return switch (name) {
                case "done" -> pair.get(0);
                case "not_done" -> pair.get(1);
                default -> super.getAttr(name);
            };
        }

        @Override
        public String repr() { return "DoneAndNotDoneFutures(done=" + pair.get(0).repr() + ", not_done=" + pair.get(1).repr() + ")"; }

    }
}
