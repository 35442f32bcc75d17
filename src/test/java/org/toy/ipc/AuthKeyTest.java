package org.toy.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SocketChannel;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The hub refuses a connection that does not prove it holds the authkey, and serves one that does. */
class AuthKeyTest {
    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    /** A non-blocking get request on a queue's get connection: {@code G block=0 timeout=0}. */
    private static byte[] tryGet() {
        byte[] req = new byte[10];
        req[0] = 'G';
        System.arraycopy(longBytes(0), 0, req, 2, 8);
        return req;
    }

    @Test
    void digestIsHmacSha256() {
        // RFC 4231, test case 2
        byte[] mac = AuthKey.digest("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HexFormat.of().formatHex(mac));
    }

    @Test
    void aWrongKeyIsRefusedAndTheConnectionClosedUnserved() throws IOException {
        Hub hub = Hub.get();
        Hub.QueueState q = hub.newQueue(0);
        q.put(Codec.encode(org.toy.runtime.ToyStr.of("secret")), -1);
        byte[] wrong = AuthKey.get();
        wrong[0] ^= 1;
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(hub.socket))) {
            InputStream in = ChannelStreams.in(ch);
            OutputStream out = ChannelStreams.out(ch);
            AuthKey.RefusedException e = assertThrows(AuthKey.RefusedException.class, () -> AuthKey.answer(in, out, wrong));
            assertEquals("digest sent was rejected", e.getMessage());
            assertEquals(-1, in.read(), "the hub closes a refused connection");
        }
        assertEquals(1, q.size(), "nothing was taken from the queue");
    }

    @Test
    void aClientThatSkipsTheHandshakeIsRefused() throws IOException {
        Hub hub = Hub.get();
        Hub.QueueState q = hub.newQueue(0);
        q.put(new byte[] {1}, -1);
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(hub.socket))) {
            InputStream in = ChannelStreams.in(ch);
            OutputStream out = ChannelStreams.out(ch);
            Frames.write(out, new byte[] {'G', 0, 0, 0, 0, 0, 0, 0, (byte) q.id});   // a hello where the answer belongs
            Frames.write(out, tryGet());
            byte[] challenge = Frames.read(in);
            assertNotEquals(null, challenge);
            assertArrayEquals("#FAILURE#".getBytes(StandardCharsets.US_ASCII), Frames.read(in));
            assertEquals(null, Frames.read(in));
        } catch (IOException e) {
            // the hub may close before our second frame is written: refused all the same
        }
        assertEquals(1, q.size());
    }

    @Test
    void theRightKeyIsServed() throws IOException {
        Hub hub = Hub.get();
        Hub.QueueState q = hub.newQueue(0);
        byte[] item = Codec.encode(org.toy.runtime.ToyStr.of("hello"));
        q.put(item, -1);
        try (SocketChannel ch = Hub.connect(hub.socket.toString(), (byte) 'G', q.id, -1)) {
            Frames.write(ChannelStreams.out(ch), tryGet());
            byte[] reply = Frames.read(ChannelStreams.in(ch));
            assertEquals(1, reply[0]);
            assertArrayEquals(item, java.util.Arrays.copyOfRange(reply, 1, reply.length));
        }
        assertEquals(0, q.size());
    }
}
