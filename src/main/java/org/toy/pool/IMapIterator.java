package org.toy.pool;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.toy.ipc.Codec;
import org.toy.runtime.Errors;
import org.toy.runtime.Ops;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * {@code imap} and {@code imap_unordered}'s iterators: chunk results as the handler delivers
 * them, given out item by item — in submission order, or (unordered) as chunks arrive. A failed
 * chunk raises its exception where its items would have come.
 */
public final class IMapIterator extends ToyObject implements Codec.ProcessLocal {
    public static final ToyType TYPE = new ToyType("IMapIterator", ToyType.OBJECT);
    public static final ToyType UNORDERED = new ToyType("IMapUnorderedIterator", TYPE);

    private final boolean ordered;
    private final int chunks;
    /** Items ready to be given out; an exception stands for a failed chunk. */
    private final ArrayDeque<Object> ready = new ArrayDeque<>();
    /** Ordered: chunks that came before their turn. */
    private final Map<Integer, Object> early = new HashMap<>();
    private int nextChunk;
    private int delivered;

    IMapIterator(boolean ordered, int chunks) {
        this.ordered = ordered;
        this.chunks = chunks;
    }

    /** Chunk {@code index} has answered (handler thread). */
    synchronized void set(int index, boolean ok, ToyObject v) {
        Object outcome = ok ? ((ToyList) v).toArray() : (ToyException) v;
        delivered++;
        if (!ordered) {
            release(outcome);
        } else {
            early.put(index, outcome);
            while (early.containsKey(nextChunk)) release(early.remove(nextChunk++));
        }
        notifyAll();
    }

    private void release(Object outcome) {
        if (outcome instanceof ToyObject[] items) {
            for (ToyObject x : items) ready.add(x);
        } else {
            ready.add(outcome);
        }
    }

    private boolean finished() { return delivered == chunks && early.isEmpty(); }

    /** The next item, null at the end; TimeoutError after {@code timeout} seconds (negative: none). */
    ToyObject next(ThreadState ts, double timeout) {
        if (!Waits.until(ts, this, () -> !ready.isEmpty() || finished(), timeout)) throw ToyPool.timeoutError();
        Object item;
        synchronized (this) {
            item = ready.poll();
        }
        if (item == null) return null;
        if (item instanceof ToyException e) throw new ToyError(e);
        return (ToyObject) item;
    }

    @Override public ToyType type() { return ordered ? TYPE : UNORDERED; }

    @Override public ToyObject iter() { return this; }

    @Override public ToyObject next() { return next(org.toy.vm.ThreadState.current(), -1); }

    @Override
    public String repr() {
        return "<multiprocessing.pool." + type().name() + " object at 0x" + Long.toHexString(Ops.id(this)) + ">";
    }

    static {
        TYPE.method("next", (ts, a, kw) -> {
            ToyObject[] p = org.toy.runtime.Args.bind("next", a, kw, 1, 0, "timeout");
            if (!(a[0] instanceof IMapIterator it)) throw Errors.typeError("descriptor 'next' requires an 'IMapIterator' object");
            ToyObject v = it.next(ts, Waits.seconds(p[0]));
            if (v == null) throw new ToyError(new ToyException(org.toy.runtime.ExceptionTypes.STOP_ITERATION, org.toy.runtime.ToyTuple.EMPTY));
            return v;
        });
    }
}
