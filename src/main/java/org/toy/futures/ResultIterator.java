package org.toy.futures;

import java.util.ArrayDeque;
import java.util.List;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyType;
import org.toy.vm.ThreadState;

/**
 * The iterator {@code Executor.map} returns: each future's result in submission order, all
 * within one deadline; a chunked map's futures hold lists, given out item by item. When a
 * result raises (or the deadline passes), the futures not yet reached are cancelled, as the
 * {@code finally} of CPython's {@code result_iterator} does.
 */
final class ResultIterator extends ToyObject implements org.toy.ipc.Codec.ProcessLocal {
    static final ToyType TYPE = new ToyType("generator", ToyType.OBJECT);

    private final ArrayDeque<ToyFuture> fs;
    private final long deadline;
    private final boolean chunked;
    private final ArrayDeque<ToyObject> items = new ArrayDeque<>();

    ResultIterator(List<ToyFuture> fs, double timeout, boolean chunked) {
        this.fs = new ArrayDeque<>(fs);
        this.deadline = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + (long) (timeout * 1e9);
        this.chunked = chunked;
    }

    @Override public ToyType type() { return TYPE; }

    @Override public ToyObject iter() { return this; }

    @Override
    public ToyObject next() {
        ThreadState ts = ThreadState.current();
        while (items.isEmpty()) {
            ToyFuture f = fs.poll();
            if (f == null) return null;
            double left = deadline == Long.MAX_VALUE ? -1 : Math.max(0, (deadline - System.nanoTime()) / 1e9);
            ToyObject v;
            try {
                v = f.result(ts, left);
            } catch (ToyError e) {
                for (ToyFuture rest : fs) rest.cancel(ts);
                fs.clear();
                throw e;
            }
            if (!chunked) return v;
            for (ToyObject x : ((ToyList) v).toArray()) items.add(x);
        }
        return items.poll();
    }

    @Override
    public String repr() { return "<generator object Executor.map.<locals>.result_iterator at 0x" + Long.toHexString(org.toy.runtime.Ops.id(this)) + ">"; }
}
