package org.toy.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authentication key of this process tree ({@code current_process().authkey}) and the
 * handshake that every hub and manager socket runs before it serves a connection.
 *
 * <h2>Why</h2>
 * The sockets already sit in a {@code 0700} directory, so only the same user can reach them; the
 * key adds what CPython's {@code multiprocessing.connection} adds: a process of that user that
 * does not descend from this program (and so never received the key) is refused too.
 *
 * <h2>Key</h2>
 * The main process draws 32 random bytes ({@code os.urandom(32)}, as CPython). A child receives
 * them in its start-up data and a manager on its standard input; they are never written to a
 * file or a command line.
 *
 * <h2>Handshake</h2>
 * As CPython's {@code deliver_challenge}/{@code answer_challenge}, one way, in frames: the server
 * sends {@code #CHALLENGE#} and 32 fresh random bytes; the client answers
 * {@code HMAC-SHA256(key, challenge)}; the server compares in constant time and sends
 * {@code #WELCOME#} or {@code #FAILURE#} (and closes). Only then does the connection's first
 * request frame follow. The server does not prove itself to the client: the socket's path is in
 * the private directory, so nobody else could have bound it.
 */
public final class AuthKey {
    private AuthKey() {}

    private static final byte[] CHALLENGE = "#CHALLENGE#".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WELCOME = "#WELCOME#".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILURE = "#FAILURE#".getBytes(StandardCharsets.US_ASCII);
    private static final int MESSAGE_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile byte[] key = random(32);

    /** Raised by a client whose answer was refused (CPython's {@code AuthenticationError}). */
    public static final class RefusedException extends IOException {
        public RefusedException(String message) { super(message); }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** This process's key (a copy). */
    public static byte[] get() { return key.clone(); }

    /** A child or manager adopts the key it was given by its parent, before it opens any connection. */
    public static void set(byte[] inherited) { key = inherited.clone(); }

    static byte[] digest(byte[] k, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k.length == 0 ? new byte[1] : k, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    /** The server side: true if the client proved it holds the key. */
    public static boolean serve(InputStream in, OutputStream out) throws IOException {
        byte[] challenge = new byte[CHALLENGE.length + MESSAGE_LENGTH];
        System.arraycopy(CHALLENGE, 0, challenge, 0, CHALLENGE.length);
        System.arraycopy(random(MESSAGE_LENGTH), 0, challenge, CHALLENGE.length, MESSAGE_LENGTH);
        Frames.write(out, challenge);
        byte[] answer = Frames.read(in, 256);
        boolean ok = answer != null && MessageDigest.isEqual(answer, digest(key, challenge));
        Frames.write(out, ok ? WELCOME : FAILURE);
        return ok;
    }

    /** The client side with this process's key. */
    public static void answer(InputStream in, OutputStream out) throws IOException { answer(in, out, key); }

    /** The client side with a given key (a test gives a wrong one). */
    public static void answer(InputStream in, OutputStream out, byte[] k) throws IOException {
        byte[] challenge = Frames.read(in, 256);
        if (challenge == null || challenge.length != CHALLENGE.length + MESSAGE_LENGTH
                || !java.util.Arrays.equals(challenge, 0, CHALLENGE.length, CHALLENGE, 0, CHALLENGE.length)) {
            throw new RefusedException("Protocol error: expected a challenge");
        }
        Frames.write(out, digest(k, challenge));
        byte[] verdict = Frames.read(in, 256);
        if (verdict == null || !java.util.Arrays.equals(verdict, WELCOME)) throw new RefusedException("digest sent was rejected");
    }
}
