package org.toy.modules;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.toy.builtins.Arith;
import org.toy.builtins.Iteration;
import org.toy.builtins.Protocols;
import org.toy.runtime.Args;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyFloat;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;

/**
 * The {@code random} module of one interpreter, over its own Mersenne Twister. The algorithms are
 * those of CPython's {@code random.py} (randrange, shuffle, sample, choices, gauss), so with an int
 * or str seed a Toy program draws the same values CPython does.
 */
final class RandomModule {
    private final MersenneTwister mt = new MersenneTwister();
    private Double gaussNext;

    RandomModule() { seedFromEntropy(); }

    ToyModule create() {
        ToyModule m = new ToyModule("random");
        PySignature seed = new PySignature("Random.seed", 1, 0, "a", "version");
        m.function("seed", (ts, args, kw) -> {
            ToyObject[] a = seed.bind(args, kw);
            seed(a[0] == null ? ToyNone.NONE : a[0]);
            return ToyNone.NONE;
        });
        m.function("random", (ts, args, kw) -> {
            Args.none("Random.random", args, kw, 0);
            return ToyFloat.of(mt.nextDouble());
        });
        m.function("getrandbits", (ts, args, kw) -> {
            Args.one("Random.getrandbits", args, kw, 0);
            ToyInt k = args[0].index();
            if (k.isSmall() && k.value < 0) throw Errors.valueError("number of bits must be non-negative");
            return ToyInt.of(mt.bits(Args.toInt(k)));
        });
        PySignature uniform = new PySignature("Random.uniform", 1, 2, "a", "b");
        m.function("uniform", (ts, args, kw) -> {
            ToyObject[] a = uniform.bind(args, kw);
            double lo = Arith.toDouble(a[0]), hi = Arith.toDouble(a[1]);
            return ToyFloat.of(lo + (hi - lo) * mt.nextDouble());
        });
        PySignature randint = new PySignature("Random.randint", 1, 2, "a", "b");
        m.function("randint", (ts, args, kw) -> {
            ToyObject[] a = randint.bind(args, kw);
            return randrange(a[0], ToyInt.of(integer(a[1], "stop").toBig().add(BigInteger.ONE)), ToyInt.of(1));
        });
        PySignature randrange = new PySignature("Random.randrange", 1, 1, "start", "stop", "step");
        m.function("randrange", (ts, args, kw) -> {
            ToyObject[] a = randrange.bind(args, kw);
            return randrange(a[0], a[1] == null ? ToyNone.NONE : a[1], a[2]);
        });
        PySignature choice = new PySignature("Random.choice", 1, 1, "seq");
        m.function("choice", (ts, args, kw) -> {
            ToyObject seq = choice.bind(args, kw)[0];
            int n = seq.len();
            if (n == 0) throw Errors.indexError("Cannot choose from an empty sequence");
            return item(seq, mt.below(n));
        });
        PySignature shuffle = new PySignature("Random.shuffle", 1, 1, "x");
        m.function("shuffle", (ts, args, kw) -> {
            shuffle(shuffle.bind(args, kw)[0]);
            return ToyNone.NONE;
        });
        PySignature sample = new PySignature("Random.sample", 1, 2, "population", "k");
        m.function("sample", (ts, args, kw) -> {
            ToyObject[] a = sample.bind(args, kw);
            return sample(a[0], a[1]);
        });
        PySignature choices = new PySignature("Random.choices", 1, 1, "population", "weights", "cum_weights", "k");
        m.function("choices", (ts, args, kw) -> {
            if (args.length - kw.length > 2) {
                throw Errors.typeError("Random.choices() takes from 2 to 3 positional arguments but "
                        + (args.length - kw.length + 1) + " were given");
            }
            ToyObject[] a = choices.bind(args, kw);
            return choices(a[0], a[1], a[2], a[3] == null ? 1 : Args.toInt(a[3]));
        });
        PySignature gauss = new PySignature("Random.gauss", 1, 0, "mu", "sigma");
        m.function("gauss", (ts, args, kw) -> {
            ToyObject[] a = gauss.bind(args, kw);
            double mu = a[0] == null ? 0.0 : Arith.toDouble(a[0]), sigma = a[1] == null ? 1.0 : Arith.toDouble(a[1]);
            return ToyFloat.of(mu + gauss() * sigma);
        });
        PySignature expovariate = new PySignature("Random.expovariate", 1, 1, "lambd");
        m.function("expovariate", (ts, args, kw) -> {
            double lambd = Arith.toDouble(expovariate.bind(args, kw)[0]);
            return ToyFloat.of(-Math.log(1.0 - mt.nextDouble()) / lambd);
        });
        return m;
    }

    // ---- seeding ---------------------------------------------------------------------------------

    private void seedFromEntropy() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        mt.seed(new BigInteger(1, bytes));
        gaussNext = null;
    }

    /** {@code seed(a)}: None draws from the OS; ints use their absolute value; str is hashed with SHA-512 (version 2). */
    void seed(ToyObject a) {
        gaussNext = null;
        if (a == ToyNone.NONE) {
            seedFromEntropy();
        } else if (a instanceof ToyInt i) {
            mt.seed(i.toBig().abs());
        } else if (a instanceof ToyStr s) {
            byte[] text = s.value.getBytes(StandardCharsets.UTF_8);
            byte[] digest = sha512(text);
            byte[] all = new byte[text.length + digest.length];
            System.arraycopy(text, 0, all, 0, text.length);
            System.arraycopy(digest, 0, all, text.length, digest.length);
            mt.seed(new BigInteger(1, all));
        } else if (a instanceof ToyFloat f) {
            mt.seed(BigInteger.valueOf(f.hash()).abs());
        } else {
            throw Errors.typeError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
        }
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-512", e);
        }
    }

    // ---- integers ----------------------------------------------------------------------------------

    /** An int argument; an integral float is accepted (deprecated in 3.10, still allowed in 3.11). */
    private static ToyInt integer(ToyObject o, String which) {
        if (o instanceof ToyFloat f) {
            if (f.value != Math.rint(f.value) || Double.isInfinite(f.value)) {
                throw Errors.valueError("non-integer " + which + " for randrange()");
            }
            return Arith.floatToInt(f.value);
        }
        return o.index();
    }

    private ToyObject randrange(ToyObject start, ToyObject stop, ToyObject step) {
        BigInteger istart = integer(start, "arg 1").toBig();
        if (stop == ToyNone.NONE) {
            if (step != null) throw Errors.typeError("Missing a non-None stop argument");
            if (istart.signum() > 0) return ToyInt.of(mt.below(istart));
            throw Errors.valueError("empty range for randrange()");
        }
        BigInteger istop = integer(stop, "stop").toBig();
        BigInteger width = istop.subtract(istart);
        BigInteger istep = step == null ? BigInteger.ONE : integer(step, "step").toBig();
        if (istep.equals(BigInteger.ONE)) {
            if (width.signum() > 0) return ToyInt.of(istart.add(mt.below(width)));
            throw Errors.valueError("empty range for randrange() (" + istart + ", " + istop + ", " + width + ")");
        }
        BigInteger n;
        if (istep.signum() > 0) n = floorDiv(width.add(istep).subtract(BigInteger.ONE), istep);
        else if (istep.signum() < 0) n = floorDiv(width.add(istep).add(BigInteger.ONE), istep);
        else throw Errors.valueError("zero step for randrange()");
        if (n.signum() <= 0) throw Errors.valueError("empty range for randrange()");
        return ToyInt.of(istart.add(istep.multiply(mt.below(n))));
    }

    private static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && qr[1].signum() != b.signum() ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    // ---- sequences ---------------------------------------------------------------------------------

    private static ToyObject item(ToyObject seq, int i) {
        if (seq instanceof ToyList l) return l.items[i];
        if (seq instanceof ToyTuple t) return t.items[i];
        if (seq instanceof ToyStr s) return ToyStr.of(String.valueOf(s.value.charAt(i)));
        return seq.getItem(ToyInt.of(i));
    }

    private void shuffle(ToyObject x) {
        for (int i = x.len() - 1; i > 0; i--) {
            int j = mt.below(i + 1);
            if (x instanceof ToyList l) {
                ToyObject t = l.items[i];
                l.items[i] = l.items[j];
                l.items[j] = t;
            } else {
                ToyObject xi = item(x, i), xj = item(x, j);
                x.setItem(ToyInt.of(i), xj);
                x.setItem(ToyInt.of(j), xi);
            }
        }
    }

    private ToyList sample(ToyObject population, ToyObject kArg) {
        boolean sequence = population instanceof ToyList || population instanceof ToyTuple || population instanceof ToyStr
                || Protocols.isSequence(population);
        if (!sequence) throw Errors.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).");
        int n = population.len();
        long k = Args.toLong(kArg);
        if (k < 0 || k > n) throw Errors.valueError("Sample larger than population or is negative");
        ToyObject[] result = new ToyObject[(int) k];
        int setsize = 21;
        if (k > 5) setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
        if (n <= setsize) {
            ToyObject[] pool = new ToyObject[n];
            for (int i = 0; i < n; i++) pool[i] = item(population, i);
            for (int i = 0; i < k; i++) {
                int j = mt.below(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = mt.below(n);
                while (selected.contains(j)) j = mt.below(n);
                selected.add(j);
                result[i] = item(population, j);
            }
        }
        return new ToyList(result);
    }

    private ToyList choices(ToyObject population, ToyObject weights, ToyObject cumWeights, int k) {
        int n = population.len();
        ToyList result = new ToyList();
        boolean noWeights = weights == null || weights == ToyNone.NONE;
        boolean noCum = cumWeights == null || cumWeights == ToyNone.NONE;
        if (n == 0 && k > 0) throw Errors.indexError(population.type().name() + " index out of range");
        if (noCum && noWeights) {
            for (int i = 0; i < k; i++) result.append(item(population, (int) Math.floor(mt.nextDouble() * n)));
            return result;
        }
        if (!noCum && !noWeights) throw Errors.typeError("Cannot specify both weights and cumulative weights");
        double[] cum;
        if (noCum) {
            ToyObject[] w = Iteration.toArray(weights);
            cum = new double[w.length];
            double total = 0;
            for (int i = 0; i < w.length; i++) cum[i] = total += Arith.toDouble(w[i]);
        } else {
            ToyObject[] c = Iteration.toArray(cumWeights);
            cum = new double[c.length];
            for (int i = 0; i < c.length; i++) cum[i] = Arith.toDouble(c[i]);
        }
        if (cum.length != n) throw Errors.valueError("The number of weights does not match the population");
        double total = cum[n - 1];
        if (total <= 0.0) throw Errors.valueError("Total of weights must be greater than zero");
        if (!Double.isFinite(total)) throw Errors.valueError("Total of weights must be finite");
        for (int i = 0; i < k; i++) result.append(item(population, bisectRight(cum, mt.nextDouble() * total, n - 1)));
        return result;
    }

    /** {@code bisect.bisect_right(a, x, 0, hi)}. */
    private static int bisectRight(double[] a, double x, int hi) {
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x < a[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Box-Muller in CPython's form: each pair of uniforms gives two normals; the second is kept for the next call. */
    private double gauss() {
        Double z = gaussNext;
        gaussNext = null;
        if (z == null) {
            double x2pi = mt.nextDouble() * 2 * Math.PI;
            double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - mt.nextDouble()));
            z = Math.cos(x2pi) * g2rad;
            gaussNext = Math.sin(x2pi) * g2rad;
        }
        return z;
    }
}
