package org.toy.modules;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import org.toy.builtins.Arith;
import org.toy.builtins.Signature;
import org.toy.gil.EvalBreaker;
import org.toy.runtime.Args;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.vm.ThreadState;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/** The {@code time} module: clocks, {@code sleep}, and a small {@code strftime}/{@code localtime}. */
final class TimeModule {
    private TimeModule() {}

    private static final double NANOS = 1e9;

    static ToyModule create() {
        ToyModule m = new ToyModule("time");
        m.function("time", (ts, args, kw) -> noArgs("time", args, kw, ToyFloat.of(epochNanos() / NANOS)));
        m.function("time_ns", (ts, args, kw) -> noArgs("time_ns", args, kw, ToyInt.of(epochNanos())));
        // perf_counter and monotonic share one clock, as on Linux (CLOCK_MONOTONIC).
        for (String name : new String[] {"perf_counter", "monotonic"}) {
            m.function(name, (ts, args, kw) -> noArgs(name, args, kw, ToyFloat.of(System.nanoTime() / NANOS)));
            m.function(name + "_ns", (ts, args, kw) -> noArgs(name + "_ns", args, kw, ToyInt.of(System.nanoTime())));
        }
        m.function("process_time", (ts, args, kw) -> noArgs("process_time", args, kw, ToyFloat.of(processCpuNanos() / NANOS)));
        m.function("process_time_ns", (ts, args, kw) -> noArgs("process_time_ns", args, kw, ToyInt.of(processCpuNanos())));
        m.function("thread_time", (ts, args, kw) -> noArgs("thread_time", args, kw, ToyFloat.of(ts.gilStats().ownCpuNanos() / NANOS)));
        m.function("thread_time_ns", (ts, args, kw) -> noArgs("thread_time_ns", args, kw, ToyInt.of(ts.gilStats().ownCpuNanos())));
        m.function("sleep", (ts, args, kw) -> {
            Args.one("time.sleep", args, kw, 0);
            sleep(ts, args[0]);
            return ToyNone.NONE;
        });
        m.function("localtime", (ts, args, kw) -> {
            Signature.positional("localtime", args, kw, 0, 1);
            return structTime(dateTime(args.length == 0 ? ToyNone.NONE : args[0]));
        });
        m.function("strftime", (ts, args, kw) -> {
            Signature.positional("strftime", args, kw, 1, 2);
            if (!(args[0] instanceof ToyStr format)) {
                throw Errors.typeError("strftime() argument 1 must be str, not " + args[0].type().name());
            }
            LocalDateTime t = args.length == 2 ? fromStructTime(args[1]) : LocalDateTime.now();
            return ToyStr.of(strftime(format.value, t));
        });
        return m;
    }

    private static ToyObject noArgs(String name, ToyObject[] args, String[] kw, ToyObject result) {
        Args.none("time." + name, args, kw, 0);
        return result;
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** CPU time of the whole process: every thread, user and system, as CPython's process_time. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            if (t >= 0) return t;
        }
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }


    /** {@code time.sleep(secs)}: an int or float; CPython's messages for the wrong type and a negative length. */
    static void sleep(ThreadState ts, ToyObject secs) {
        double seconds;
        if (secs instanceof ToyFloat f) {
            seconds = f.value;
            if (Double.isNaN(seconds)) throw Errors.valueError("Invalid value NaN (not a number)");
        } else if (secs instanceof ToyInt i) {
            seconds = Arith.intToDouble(i);
        } else {
            throw Errors.typeError("'" + secs.type().name() + "' object cannot be interpreted as an integer");
        }
        if (seconds < 0) throw Errors.valueError("sleep length must be non-negative");
        if (seconds > 9.2e9) throw Errors.overflow("sleep length is too large");
        long nanos = (long) (seconds * NANOS);
        // The other threads run while this one sleeps; Ctrl-C wakes the main thread early.
        try (var released = ts.interp().gil().release(ts, "sleep")) {
            long end = System.nanoTime() + nanos;
            // parkNanos, not Thread.sleep: Java 17 rounds a sleep's nanoseconds up to a whole millisecond.
            for (long left = nanos; left > 0; left = end - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
                if (Thread.interrupted() && ts.isMain() && ts.interp().breaker().take(EvalBreaker.KEYBOARD_INTERRUPT)) {
                    throw new ToyError(new ToyException(ExceptionTypes.KEYBOARD_INTERRUPT, ToyTuple.EMPTY));
                }
            }
        }
    }

    private static LocalDateTime dateTime(ToyObject secs) {
        if (secs == ToyNone.NONE) return LocalDateTime.now();
        double s = Arith.toDouble(secs);
        return LocalDateTime.ofInstant(Instant.ofEpochMilli((long) Math.floor(s * 1000)), ZoneId.systemDefault());
    }

    /**
     * A 9-tuple {@code (year, month, day, hour, minute, second, weekday, yearday, isdst)}: CPython's
     * {@code struct_time} is a named tuple; Toy gives the plain tuple until it has one.
     */
    private static ToyTuple structTime(LocalDateTime t) {
        boolean dst = ZonedDateTime.of(t, ZoneId.systemDefault()).getZone().getRules()
                .isDaylightSavings(t.atZone(ZoneId.systemDefault()).toInstant());
        return ToyTuple.of(ToyInt.of(t.getYear()), ToyInt.of(t.getMonthValue()), ToyInt.of(t.getDayOfMonth()),
                ToyInt.of(t.getHour()), ToyInt.of(t.getMinute()), ToyInt.of(t.getSecond()),
                ToyInt.of(t.getDayOfWeek().getValue() - 1), ToyInt.of(t.getDayOfYear()), ToyInt.of(dst ? 1 : 0));
    }

    private static LocalDateTime fromStructTime(ToyObject tuple) {
        if (!(tuple instanceof ToyTuple t) || t.items.length != 9) {
            throw Errors.typeError("Tuple or struct_time argument required");
        }
        int[] f = new int[6];
        for (int i = 0; i < 6; i++) f[i] = Args.toInt(t.items[i]);
        return LocalDateTime.of(f[0], Math.max(1, f[1]), Math.max(1, f[2]), f[3], f[4], Math.min(59, f[5]));
    }

    /** The common C strftime directives, in the C locale. */
    static String strftime(String format, LocalDateTime t) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                b.append(c);
                continue;
            }
            char d = format.charAt(++i);
            switch (d) {
                case 'Y' -> b.append(t.getYear());
                case 'y' -> b.append(two(t.getYear() % 100));
                case 'm' -> b.append(two(t.getMonthValue()));
                case 'd' -> b.append(two(t.getDayOfMonth()));
                case 'H' -> b.append(two(t.getHour()));
                case 'I' -> b.append(two(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12));
                case 'M' -> b.append(two(t.getMinute()));
                case 'S' -> b.append(two(t.getSecond()));
                case 'p' -> b.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> b.append(String.format("%03d", t.getDayOfYear()));
                case 'a' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'A' -> b.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US));
                case 'b' -> b.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'B' -> b.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
                case 'w' -> b.append(t.getDayOfWeek().getValue() % 7);
                case 'Z' -> b.append(ZoneId.systemDefault().getDisplayName(TextStyle.SHORT, Locale.US));
                case 'c' -> b.append(strftime("%a %b %e %H:%M:%S %Y", t));
                case 'e' -> b.append(String.format("%2d", t.getDayOfMonth()));
                case 'x' -> b.append(strftime("%m/%d/%y", t));
                case 'X' -> b.append(strftime("%H:%M:%S", t));
                case '%' -> b.append('%');
                default -> b.append('%').append(d);
            }
        }
        return b.toString();
    }

    private static String two(int n) { return n < 10 ? "0" + n : String.valueOf(n); }
}
