package org.toy.manager;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import org.toy.ipc.AuthKey;
import org.toy.ipc.Codec;
import org.toy.ipc.Frames;
import org.toy.process.Processes;
import org.toy.runtime.Errors;
import org.toy.runtime.ExceptionTypes;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyException;
import org.toy.runtime.ToyObject;
import org.toy.runtime.ToyTuple;
import org.toy.vm.ThreadState;

/**
 * A thread's connection to a manager (CPython keeps one per thread per manager in thread-local
 * storage, {@code BaseProxy._tls}): requests are sent and answered in turn, so each thread needs
 * its own, and a thread blocked in a manager call holds up no other.
 */
final class ManagerConnection {
    private static final ThreadLocal<Map<String, ManagerConnection>> MINE = ThreadLocal.withInitial(HashMap::new);

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private ManagerConnection(String address) throws IOException {
        channel = SocketChannel.open(UnixDomainSocketAddress.of(address));
        in = new BufferedInputStream(Channels.newInputStream(channel));
        out = Channels.newOutputStream(channel);
        AuthKey.answer(in, out);
    }

    /** Sends {@code request} to the manager at {@code address} and returns the result, or raises the referent's exception. */
    static ToyObject request(ThreadState ts, String address, ToyTuple request) {
        byte[] body = Codec.encode(request);
        byte[] reply;
        try (var released = ts.interp().gil().release(ts)) {
            reply = exchange(address, body);
        }
        ToyTuple answer = (ToyTuple) Codec.decode(reply, Processes.resolver(ts.interp()));
        if (answer.get(0).isTrue()) return answer.get(1);
        if (answer.get(1) instanceof ToyException e) throw new ToyError(e);
        throw Errors.runtimeError("the manager sent a malformed reply");
    }

    private static byte[] exchange(String address, byte[] body) {
        Map<String, ManagerConnection> mine = MINE.get();
        ManagerConnection c = mine.get(address);
        try {
            if (c == null) {
                c = new ManagerConnection(address);
                mine.put(address, c);
            }
            Frames.write(c.out, body);
            byte[] reply = Frames.read(c.in);
            if (reply == null) throw new IOException("the manager has gone");
            return reply;
        } catch (AuthKey.RefusedException e) {
            mine.remove(address);
            throw Errors.of(ExceptionTypes.RUNTIME_ERROR, "AuthenticationError: " + e.getMessage());
        } catch (IOException e) {
            if (c != null) {
                mine.remove(address);
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
            throw Errors.of(ExceptionTypes.BROKEN_PIPE_ERROR, "[Errno 32] Broken pipe");
        }
    }
}
