package org.toy.manager;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.toy.ipc.AuthKey;
import org.toy.ipc.Codec;
import org.toy.ipc.Frames;
import org.toy.modules.BuiltinModules;
import org.toy.process.Processes;
import org.toy.runtime.BuiltinFunction;
import org.toy.runtime.Errors;
import org.toy.runtime.ToyBool;
import org.toy.runtime.ToyDict;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyList;
import org.toy.runtime.ToyModule;
import org.toy.runtime.ToyNone;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyStr;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Interpreter;
import org.toy.vm.ThreadState;

/**
 * The manager process ({@code managers.Server}): a JVM of its own, started by
 * {@link SyncManager}, holding the objects that proxies refer to.
 *
 * <h2>Design</h2>
 * As CPython's manager, the referents are ordinary objects of the manager's own interpreter — a
 * {@code dict}, a {@code list}, a {@code threading.Lock}, a {@code queue.Queue} — and a proxy's
 * method call is a request {@code ("call", id, method, args, kwargs)} answered by
 * {@code (True, result)} or {@code (False, exception)}, both in {@link Codec} frames, so
 * exceptions (a {@code KeyError}, {@code queue.Empty}) reach the caller as they were raised.
 * {@code ("create", typeid, args, kwargs)} makes a new referent and answers its id. Each
 * connection is served by its own Toy thread (a proxy opens one per thread of its process, as
 * CPython's do), so a blocking call ({@code Lock.acquire}, {@code Queue.get}, {@code Event.wait})
 * blocks only its caller, and an RLock's owner is its caller's thread. A serving thread holds its
 * interpreter's GIL only between reading a request and writing the reply.
 * <p>
 * Start-up: the parent writes the authkey as one frame on our standard input; we bind a socket in
 * a fresh {@code 0700} directory and write its path back as one frame on our standard output.
 * Every connection passes the {@link AuthKey} handshake. Standard input stays open as the
 * lifeline: when the parent calls {@code shutdown()}, leaves its {@code with} block, exits or is
 * killed, it closes, and we remove the socket and exit — a manager never outlives its program.
 * Referents live until the manager stops (no reference counting, unlike CPython).
 */
public final class ManagerServer {
    private final Interpreter interp;
    private final Map<Long, ToyObject> objects = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Codec.Resolver resolver;

    private ManagerServer(Interpreter interp) {
        this.interp = interp;
        this.resolver = Processes.resolver(interp);
    }

    public static void main(String[] args) throws IOException {
        InputStream stdin = new BufferedInputStream(System.in);
        byte[] key = Frames.read(stdin, 1024);
        if (key == null) System.exit(1);
        AuthKey.set(key);
        Path dir = Files.createTempDirectory("toy-manager-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("manager");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Runnable cleanUp = () -> {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // best effort
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp));
        watchLifeline(stdin, cleanUp);
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        Frames.write(stdout, socket.toString().getBytes(StandardCharsets.UTF_8));
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Interpreter interp = new Interpreter(err, err, new BufferedReader(new StringReader("")));
        new ManagerServer(interp).acceptLoop(server);
    }

    private static void watchLifeline(InputStream in, Runnable cleanUp) {
        Thread t = new Thread(() -> {
            try {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // nothing else is sent on the lifeline
                }
            } catch (IOException e) {
                // same as end-of-file
            }
            cleanUp.run();
            Runtime.getRuntime().halt(0);
        }, "toy-manager-lifeline");
        t.setDaemon(true);
        t.start();
    }

    /** Accepts connections on the main Toy thread, starting a daemon Toy thread for each. */
    private void acceptLoop(ServerSocketChannel server) {
        ThreadState ts = interp.mainThread();
        interp.gil().take(ts);
        ToyObject threadType = module("threading").getAttr("Thread");
        while (true) {
            SocketChannel ch;
            try (var released = interp.gil().release(ts)) {
                ch = server.accept();
            } catch (IOException e) {
                return;
            }
            BuiltinFunction serve = BuiltinFunction.function("serve_client", (t, a, kw) -> {
                serve(t, ch);
                return ToyNone.NONE;
            });
            ToyObject thread = threadType.call(ts, new ToyObject[] {serve, ToyBool.TRUE}, new String[] {"target", "daemon"});
            thread.getAttr("start").call(ts, ToyObject.NO_ARGS, ToyObject.NO_KEYWORDS);
        }
    }

    private ToyModule module(String name) {
        ToyModule m = interp.modules().get(name);
        if (m == null) {
            m = BuiltinModules.create(name, interp);
            interp.modules().put(name, m);
        }
        return m;
    }

    private void serve(ThreadState ts, SocketChannel ch) {
        try (ch) {
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch));
            OutputStream out = Channels.newOutputStream(ch);
            boolean ok;
            try (var released = interp.gil().release(ts)) {
                ok = AuthKey.serve(in, out);
            }
            if (!ok) return;
            while (true) {
                byte[] request;
                try (var released = interp.gil().release(ts)) {
                    request = Frames.read(in);
                }
                if (request == null) return;
                byte[] reply = answer(ts, request);
                try (var released = interp.gil().release(ts)) {
                    Frames.write(out, reply);
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private byte[] answer(ThreadState ts, byte[] request) {
        ToyObject result;
        boolean ok = true;
        try {
            result = handle(ts, (ToyTuple) Codec.decode(request, resolver));
        } catch (ToyError e) {
            ok = false;
            result = e.exception;
        } catch (Codec.MalformedException | ClassCastException e) {
            ok = false;
            result = Errors.valueError("malformed manager request").exception;
        }
        try {
            return Codec.encode(ToyTuple.of(ToyBool.of(ok), result));
        } catch (ToyError e) {
            return Codec.encode(ToyTuple.of(ToyBool.FALSE, e.exception));
        }
    }

    private ToyObject handle(ThreadState ts, ToyTuple req) {
        String op = req.get(0).str();
        if (op.equals("create")) {
            ToyObject made = create(ts, req.get(1).str(), (ToyTuple) req.get(2), (ToyDict) req.get(3));
            long id = ids.incrementAndGet();
            objects.put(id, made);
            return ToyInt.of(id);
        }
        if (op.equals("call")) {
            ToyObject obj = objects.get(((ToyInt) req.get(1)).value);
            if (obj == null) throw Errors.keyError(req.get(1));
            return call(ts, obj, req.get(2).str(), ((ToyTuple) req.get(3)).items, (ToyDict) req.get(4));
        }
        throw Errors.valueError("unknown manager request " + ToyStr.of(op).repr());
    }

    private static final Set<String> THREADING = Set.of("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Event", "Condition");

    private ToyObject create(ThreadState ts, String typeid, ToyTuple args, ToyDict kwargs) {
        CallArgs c = CallArgs.of(args.items, kwargs);
        if (typeid.equals("dict") || typeid.equals("list")) return interp.builtinsDict().get(ToyStr.of(typeid)).call(ts, c.values, c.names);
        if (THREADING.contains(typeid)) return module("threading").getAttr(typeid).call(ts, c.values, c.names);
        if (typeid.equals("Queue") || typeid.equals("JoinableQueue")) return module("queue").getAttr("Queue").call(ts, c.values, c.names);
        if (typeid.equals("Namespace")) {
            Namespace ns = new Namespace();
            for (Map.Entry<ToyObject, ToyObject> e : kwargs.map.entrySet()) ns.setAttr(e.getKey().str(), e.getValue());
            return ns;
        }
        if (typeid.equals("Value")) {
            if (args.len() < 2) throw Errors.typeError("Value.__init__() missing required positional argument");
            return new ManagedValue(args.get(0), args.get(1));
        }
        throw Errors.valueError("unknown typeid " + ToyStr.of(typeid).repr());
    }

    /** {@code getattr(obj, method)(*args, **kwargs)}, with the special methods a proxy forwards. */
    private ToyObject call(ThreadState ts, ToyObject obj, String method, ToyObject[] args, ToyDict kwargs) {
        switch (method) {
            case "__getitem__": return obj.getItem(args[0]);
            case "__getslice__": return obj.getItem(new org.toy.runtime.ToySlice(args[0], args[1], args[2]));
            case "__setitem__": obj.setItem(args[0], args[1]); return ToyNone.NONE;
            case "__delitem__": obj.delItem(args[0]); return ToyNone.NONE;
            case "__len__": return ToyInt.of(obj.len());
            case "__contains__": return ToyBool.of(obj.contains(args[0]));
            case "__str__": return ToyStr.of(obj.str());
            case "__repr__": return ToyStr.of(obj.repr());
            case "__iter__": return snapshot(obj);
            case "__iadd__": return obj.getAttr("extend").call(ts, args, ToyObject.NO_KEYWORDS);
            case "__getattribute__": return obj.getAttr(args[0].str());
            case "__setattr__": obj.setAttr(args[0].str(), args[1]); return ToyNone.NONE;
            case "__delattr__": obj.delAttr(args[0].str()); return ToyNone.NONE;
            default: break;
        }
        CallArgs c = CallArgs.of(args, kwargs);
        ToyObject result = obj.getAttr(method).call(ts, c.values, c.names);
        // dict views cannot cross; CPython's DictProxy answers lists too
        if (obj instanceof ToyDict && (method.equals("keys") || method.equals("values") || method.equals("items"))) return snapshot(result);
        return result;
    }

    private static ToyObject snapshot(ToyObject iterable) {
        ToyList items = new ToyList(new ToyObject[0]);
        ToyObject it = iterable.iter();
        for (ToyObject x = it.next(); x != null; x = it.next()) items.append(x);
        return items;
    }

    /** Positional and keyword arguments in the vectorcall shape. */
    record CallArgs(ToyObject[] values, String[] names) {
        static CallArgs of(ToyObject[] positional, ToyDict kwargs) {
            int n = positional.length;
            int k = kwargs == null ? 0 : kwargs.map.size();
            ToyObject[] values = java.util.Arrays.copyOf(positional, n + k);
            String[] names = new String[k];
            int i = 0;
            if (kwargs != null) {
                for (Map.Entry<ToyObject, ToyObject> e : kwargs.map.entrySet()) {
                    names[i] = e.getKey().str();
                    values[n + i++] = e.getValue();
                }
            }
            return new CallArgs(values, names);
        }
    }

}
