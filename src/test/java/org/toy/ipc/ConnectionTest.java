package org.toy.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.toy.runtime.ToyError;
import org.toy.runtime.ToyInt;
import org.toy.runtime.ToyTuple;
import org.toy.vm.Traceback;

class ConnectionTest {
    @Test
    void framesRoundTripAndEndCleanly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] big = new byte[100_000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) i;
        Frames.write(out, new byte[0]);
        Frames.write(out, new byte[] {1, 2, 3});
        Frames.write(out, big);
        byte[] wire = out.toByteArray();
        assertEquals(4 + 4 + 3 + 4 + big.length, wire.length);
        assertEquals(3, wire[7]);   // 4-byte big-endian length
        ByteArrayInputStream in = new ByteArrayInputStream(wire);
        assertArrayEquals(new byte[0], Frames.read(in));
        assertArrayEquals(new byte[] {1, 2, 3}, Frames.read(in));
        assertArrayEquals(big, Frames.read(in));
        assertNull(Frames.read(in));
    }

    @Test
    void truncatedAndOversizedFramesAreErrors() {
        assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[] {0, 0})));
        assertThrows(EOFException.class, () -> Frames.read(new ByteArrayInputStream(new byte[] {0, 0, 0, 5, 1, 2})));
        IOException e = assertThrows(IOException.class,
                () -> Frames.read(new ByteArrayInputStream(new byte[] {0x7F, 0, 0, 0}), 1 << 20));
        assertTrue(e.getMessage().contains("exceeds"));
        assertThrows(IOException.class, () -> Frames.read(new ByteArrayInputStream(
                new byte[] {-1, -1, -1, -1, 0, 0, 0, 1, 0, 0, 0, 0})));
    }

    @Test
    void pipeEndsInOneProcessDeliverInOrderThenEof() {
        ToyTuple pair = Connection.pipe(true);
        Connection a = (Connection) pair.get(0);
        Connection b = (Connection) pair.get(1);
        for (int i = 0; i < 100; i++) a.sendBytes(null, Codec.encode(ToyInt.of(i)));
        for (int i = 0; i < 100; i++) assertEquals(ToyInt.of(i), Codec.decode(b.recvBytes(null), null));
        b.sendBytes(null, new byte[] {42});
        assertArrayEquals(new byte[] {42}, a.recvBytes(null));
        a.close();
        ToyError eof = assertThrows(ToyError.class, () -> b.recvBytes(null));
        assertEquals("EOFError", Traceback.lastLine(eof.exception));
        ToyError closed = assertThrows(ToyError.class, () -> a.recvBytes(null));
        assertEquals("OSError: handle is closed", Traceback.lastLine(closed.exception));
    }

    @Test
    void oneWayPipeRefusesTheWrongDirection() {
        ToyTuple pair = Connection.pipe(false);
        Connection reader = (Connection) pair.get(0);
        Connection writer = (Connection) pair.get(1);
        ToyError e = assertThrows(ToyError.class, () -> reader.sendBytes(null, new byte[1]));
        assertEquals("OSError: connection is read-only", Traceback.lastLine(e.exception));
        e = assertThrows(ToyError.class, () -> writer.recvBytes(null));
        assertEquals("OSError: connection is write-only", Traceback.lastLine(e.exception));
    }
}
