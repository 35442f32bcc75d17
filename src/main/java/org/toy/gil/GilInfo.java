package org.toy.gil;

import java.util.Locale;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyType;

/**
 * {@code sys.gil}: Toy's own read-only window on the GIL (CPython has nothing like it). Every
 * attribute is read live: {@code enabled}, {@code switch_interval} (seconds), {@code switches},
 * {@code drop_requests}, and {@code threads}, one dict per thread that ever ran, with the seconds
 * it spent holding the GIL ({@code held}), waiting for it ({@code waited}) and blocked outside it
 * ({@code blocked}), its CPU time ({@code cpu}, None if unknown) and how often it took the GIL
 * over from another thread ({@code switches}).
 */
public final class GilInfo extends ToyObject {
    public static final ToyType TYPE = new ToyType("sys.gil_info", ToyType.OBJECT);

    private final Gil gil;

    public GilInfo(Gil gil) {
        this.gil = gil;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public ToyObject getAttr(String name) {
        GilStats stats = gil.stats();
        switch (name) {
            case "enabled": return ToyBool.of(gil.enabled());
            case "switch_interval": return ToyFloat.of(gil.interval());
            case "switches": return ToyInt.of(stats.switches());
            case "drop_requests": return ToyInt.of(stats.dropRequests());
            case "threads": {
                ToyList list = new ToyList();
                for (ThreadStats t : stats.threads()) list.append(row(t));
                return list;
            }
            default: return super.getAttr(name);
        }
    }

    private static ToyDict row(ThreadStats t) {
        ToyDict d = new ToyDict();
        long cpu = t.cpuNanos();
        d.put(ToyStr.of("name"), ToyStr.of(t.name()));
        d.put(ToyStr.of("held"), ToyFloat.of(t.heldNanos() / 1e9));
        d.put(ToyStr.of("waited"), ToyFloat.of(t.waitedNanos() / 1e9));
        d.put(ToyStr.of("blocked"), ToyFloat.of(t.blockedNanos() / 1e9));
        d.put(ToyStr.of("cpu"), cpu < 0 ? org.toy.runtime.ToyNone.NONE : ToyFloat.of(cpu / 1e9));
        d.put(ToyStr.of("switches"), ToyInt.of(t.switchesIn()));
        return d;
    }

    @Override
    public void setAttr(String name, ToyObject value) {
        throw Errors.attributeError("sys.gil is read-only; use sys.setswitchinterval() to change the interval");
    }

    @Override
    public String repr() {
        GilStats stats = gil.stats();
        return String.format(Locale.ROOT, "sys.gil(enabled=%s, switch_interval=%s, switches=%d, drop_requests=%d, threads=%d)",
                gil.enabled() ? "True" : "False", ToyFloat.of(gil.interval()).repr(), stats.switches(),
                stats.dropRequests(), stats.threads().size());
    }
}
