package org.toy.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.toy.vm.ThreadState;

/**
 * A Toy type ({@code int}, {@code list}, {@code ValueError}, or a class made by a {@code class}
 * statement). It is itself a value (of type {@code type}), callable to construct instances, and
 * holds its attributes and methods in {@link #dict}; single inheritance through {@link #base}, so
 * the MRO is the base chain.
 *
 * <p>Built-in types are created once per JVM and shared by every interpreter, as CPython's static
 * types are: they are filled while their class initialises and not changed afterwards. User
 * classes ("heap types", made by {@link ClassFactory}) belong to the program: they have a module
 * and a qualified name, and their attributes may be set and deleted.
 */
public class ToyType extends ToyObject {
    public static final ToyType OBJECT = new ToyType("object", null);
    public static final ToyType TYPE = new ToyType("type", OBJECT);

    static {
        OBJECT.setConstructor(Constructors::newObject);
        TYPE.setConstructor(Constructors::newType);
    }

    /** How calling the type builds a value: {@code int("3")}. */
    @FunctionalInterface
    public interface Constructor {
        ToyObject construct(ThreadState ts, ToyType type, ToyObject[] args, String[] kwNames);
    }

    /**
     * How a built-in type that user classes may subclass ({@code threading.Thread},
     * {@code multiprocessing.Process}) makes the Java object of a subclass's instance: it is the
     * built-in's own object, uninitialised, whose {@link #type()} answers the subclass.
     */
    @FunctionalInterface
    public interface Allocator {
        ToyObject allocate(ToyType subtype);
    }

    private final String name;
    private final ToyType base;
    private Allocator allocator;
    /** For a built-in type that lives in a module ({@code threading}): that module, for pickling by reference. */
    private String home;
    private final Map<String, ToyObject> dict = new LinkedHashMap<>();
    private Constructor constructor;
    /** For a user class: {@code __qualname__} and {@code __module__}; null for a built-in type. */
    private String qualName;
    private String module;
    /** For a built-in module's type ({@code multiprocessing.pool.Pool}): where it crosses processes by reference. */
    private volatile String homeModule;
    private volatile String homeName;

    public ToyType(String name, ToyType base) {
        this.name = name;
        this.base = base;
    }

    public ToyType(String name, ToyType base, Constructor constructor) {
        this(name, base);
        this.constructor = constructor;
    }

    /** A user class, as {@code class} creates it: instances come from {@code constructor}. */
    static ToyType heap(String name, String qualName, String module, ToyType base, Constructor constructor) {
        ToyType t = new ToyType(name, base, constructor);
        t.qualName = qualName;
        t.module = module;
        return t;
    }

    public String name() { return name; }

    /** The built-in module that first defined this (non-heap) type, or null; {@link #homeName} is its name there. */
    public String homeModule() { return homeModule; }

    public String homeName() { return homeName; }

    /** Called when a built-in module defines this type as {@code attr}: the first such module is its home. */
    synchronized void claimHome(String moduleName, String attr) {
        if (homeModule == null && module == null) {
            homeName = attr;
            homeModule = moduleName;
        }
    }

    /** Whether this class was made by a {@code class} statement (CPython's heap types). */
    public boolean isHeap() { return module != null; }

    /**
     * {@code __qualname__}. A built-in type named with its module, as C types are
     * ({@code "_queue.Empty"}), has the part after the last dot, as CPython's {@code tp_name}.
     */
    public String qualName() {
        if (qualName != null) return qualName;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    /** {@code __name__}: the qualified name's last part. */
    public String shortName() {
        String q = qualName();
        return q.substring(q.lastIndexOf('.') + 1);
    }

    /**
     * {@code __module__}: where a user class was defined; for a built-in type the prefix of its
     * dotted name ({@code "_queue"} for {@code "_queue.Empty"}), else "builtins".
     */
    public String module() {
        if (module != null) return module;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "builtins" : name.substring(0, dot);
    }

    /** {@code mod.Qual}, or just the name for a built-in type: object's default repr uses it. */
    public String fullName() {
        return module().equals("builtins") ? qualName() : module() + "." + qualName();
    }

    /**
     * The name as a traceback's last line and a default repr show it: {@code mod.Qual}, without
     * the module for {@code __main__} and {@code builtins} (CPython's {@code print_exception}).
     */
    public String displayName() {
        String m = module();
        return m.equals("__main__") || m.equals("builtins") ? qualName() : m + "." + qualName();
    }

    public ToyType base() { return base; }

    /** The type's own attributes (methods, class attributes), not its bases'. */
    public Map<String, ToyObject> dict() { return dict; }

    public void setConstructor(Constructor constructor) { this.constructor = constructor; }

    /** Lets user classes subclass this built-in type; their instances come from {@code allocator}. */
    public ToyType subclassable(Allocator allocator) {
        this.allocator = allocator;
        return this;
    }

    /** The allocator of the nearest built-in ancestor, if that one may be subclassed; else null. */
    public Allocator builtinAllocator() {
        ToyType t = this;
        while (t != null && t.isHeap()) t = t.base;
        return t == null ? null : t.allocator;
    }

    /** Names the module a built-in type is found in ({@code threading.Thread}), for pickling it by reference. */
    public ToyType home(String module) {
        this.home = module;
        return this;
    }

    /** The module a built-in type is found in, or null for those of {@code builtins}. */
    public String home() { return home; }

    /** The namespace of the module whose {@code class} statement made this class (null if unknown). */
    private ToyDict definingGlobals;

    public void setDefiningGlobals(ToyDict globals) { this.definingGlobals = globals; }

    /** Where pickling looks the class up by name, as CPython looks in {@code sys.modules[cls.__module__]}. */
    public ToyDict definingGlobals() { return definingGlobals; }

    /** Registers a built-in method: {@code body} receives self as {@code args[0]}. */
    public ToyType method(String methodName, BuiltinFunction.Body body) {
        dict.put(methodName, BuiltinFunction.method(this, methodName, body));
        return this;
    }

    /**
     * The attribute {@code attr} defined by a user class on the way from this type up to its
     * first built-in base, or null: the special methods a program overrides, not the built-in
     * defaults ({@code object.__repr__}).
     */
    public ToyObject lookupOverride(String attr) {
        if (module == null) return null;
        Map<String, ToyObject> cache = validCache(true);
        ToyObject found = cache.get(attr);
        if (found == null) {
            found = ABSENT;
            for (ToyType t = this; t != null && t.isHeap(); t = t.base) {
                ToyObject v = t.dict.get(attr);
                if (v != null) {
                    found = v;
                    break;
                }
            }
            cache.put(attr, found);
        }
        return found == ABSENT ? null : found;
    }

    /** The attribute {@code name} on this type or its bases (the MRO), or Java null. */
    public ToyObject lookup(String attr) {
        if (module != null) return cachedLookup(attr);
        for (ToyType t = this; t != null; t = t.base) {
            ToyObject found = t.dict.get(attr);
            if (found != null) return found;
        }
        return null;
    }

    // ---- the lookup cache of user classes ---------------------------------------------------------
    //
    // Every attribute access on an instance asks its class first (for a property or a method), and
    // usually finds nothing there: without a cache that is one dict probe per class up to object.
    // A user class remembers each answer, misses included, like CPython's type attribute cache.
    // Any change to a user class's dict bumps the global epoch, which empties every cache at its
    // next use; that is simpler than tracking subclasses, and classes rarely change after creation.

    /** Bumped on every change to a class dict after creation; caches older than it are stale. */
    private static int epoch;
    private static final ToyObject ABSENT = new PlainObject();
    private int cacheEpoch = -1;
    private Map<String, ToyObject> lookupCache;
    private Map<String, ToyObject> overrideCache;

    /** Invalidates every class's lookup cache: call after changing any type's dict. */
    public static void changed() { epoch++; }

    /** 1: instances of this class read and write attributes in their dict directly; 0: they may not; -1: unknown. */
    private int plain = -1;

    private Map<String, ToyObject> validCache(boolean overrides) {
        if (cacheEpoch != epoch || lookupCache == null) {
            lookupCache = new java.util.HashMap<>();
            overrideCache = new java.util.HashMap<>();
            plain = -1;
            cacheEpoch = epoch;
        }
        return overrides ? overrideCache : lookupCache;
    }

    /**
     * Whether instances' attributes live simply in their dict: no property anywhere in the MRO
     * and no {@code __setattr__}/{@code __delattr__} override. Then an instance attribute is read
     * by one dict probe before the class is consulted, and written with no class lookup at all.
     */
    public boolean plainAttributes() {
        validCache(false);
        if (plain < 0) {
            boolean ok = lookupOverride("__setattr__") == null && lookupOverride("__delattr__") == null;
            for (ToyType t = this; ok && t != null; t = t.base) {
                for (ToyObject v : t.dict.values()) {
                    if (v instanceof ToyProperty) ok = false;
                }
            }
            plain = ok ? 1 : 0;
        }
        return plain == 1;
    }

    private ToyObject cachedLookup(String attr) {
        Map<String, ToyObject> cache = validCache(false);
        ToyObject found = cache.get(attr);
        if (found == null) {
            found = ABSENT;
            for (ToyType t = this; t != null; t = t.base) {
                ToyObject v = t.dict.get(attr);
                if (v != null) {
                    found = v;
                    break;
                }
            }
            cache.put(attr, found);
        }
        return found == ABSENT ? null : found;
    }

    public boolean isSubtypeOf(ToyType other) {
        for (ToyType t = this; t != null; t = t.base) {
            if (t == other) return true;
        }
        return false;
    }

    @Override public ToyType type() { return TYPE; }

    @Override
    public String repr() {
        return "<class '" + fullName() + "'>";
    }

    /** {@code cls.attr}: the type's own descriptors ({@code __name__} ...), then the MRO, bound for a class. */
    @Override
    public ToyObject getAttr(String attr) {
        switch (attr) {
            case "__name__": return ToyStr.of(shortName());
            case "__qualname__": return ToyStr.of(qualName());
            case "__module__": return ToyStr.of(module());
            case "__base__": return base == null ? ToyNone.NONE : base;
            case "__bases__": return base == null ? ToyTuple.EMPTY : ToyTuple.of(base);
            case "__mro__": return ToyTuple.of(mro());
            case "__class__": return TYPE;
            case "__dict__": return dictCopy();
            case "__doc__": {
                ToyObject doc = dict.get("__doc__");
                return doc != null ? doc : ToyNone.NONE;
            }
            default:
        }
        ToyObject found = lookup(attr);
        if (found != null) return Attributes.bindToClass(found, this);
        throw Errors.attributeError("type object '" + name + "' has no attribute '" + attr + "'");
    }

    /** {@code cls.attr = value} (value null: {@code del}); only user classes can change. */
    @Override
    public void setAttr(String attr, ToyObject value) {
        if (!isHeap()) {
            throw Errors.typeError("cannot set '" + attr + "' attribute of immutable type '" + name + "'");
        }
        if (value != null) {
            dict.put(attr, value);
        } else if (dict.remove(attr) == null) {
            throw Errors.attributeError("type object '" + name + "' has no attribute '" + attr + "'");
        }
        changed();
    }

    /** The classes of the MRO, this one first. */
    public ToyObject[] mro() {
        java.util.List<ToyObject> out = new java.util.ArrayList<>();
        for (ToyType t = this; t != null; t = t.base) out.add(t);
        return out.toArray(new ToyObject[0]);
    }

    /** {@code cls.__dict__}: a snapshot as a dict (CPython shows a read-only mappingproxy). */
    public ToyDict dictCopy() {
        ToyDict d = new ToyDict();
        dict.forEach((k, v) -> d.put(ToyStr.intern(k), v));
        return d;
    }

    @Override
    public ToyObject call(ThreadState ts, ToyObject[] args, String[] kwNames) {
        if (constructor == null) throw Errors.typeError("cannot create '" + name + "' instances");
        return constructor.construct(ts, this, args, kwNames);
    }
}
