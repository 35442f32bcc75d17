package org.toy.runtime;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** str.encode and bytes.decode for the common codecs (utf-8, ascii, latin-1), with CPython's error messages. */
public final class Codecs {
    private Codecs() {}

    /** Python's codec name normalisation: case and '-'/'_' insensitive, with the usual aliases. */
    static String normalise(String encoding) {
        String e = encoding.toLowerCase(Locale.ROOT).replace('_', '-').strip();
        switch (e) {
            case "utf-8", "utf8", "u8", "utf": return "utf-8";
            case "ascii", "us-ascii", "646": return "ascii";
            case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "8859", "cp819", "latin": return "latin-1";
            case "utf-16", "utf16": return "utf-16";
            default: throw Errors.of(ExceptionTypes.LOOKUP_ERROR, "unknown encoding: " + encoding);
        }
    }

    public static byte[] encode(String s, String encoding, String errors) {
        String codec = normalise(encoding);
        switch (codec) {
            case "utf-8": {
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))) {
                        throw encodeError(codec, s, i, "surrogates not allowed", errors);
                    }
                    if (Character.isHighSurrogate(c)) i++;
                }
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case "utf-16": {
                byte[] body = s.getBytes(StandardCharsets.UTF_16LE);
                byte[] out = new byte[body.length + 2];
                out[0] = (byte) 0xff;
                out[1] = (byte) 0xfe;
                System.arraycopy(body, 0, out, 2, body.length);
                return out;
            }
            default: {
                int limit = codec.equals("ascii") ? 128 : 256;
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c < limit) {
                        out.write(c);
                    } else if (errors.equals("ignore")) {
                        continue;
                    } else if (errors.equals("replace")) {
                        out.write('?');
                    } else {
                        throw encodeError(codec, s, i, "ordinal not in range(" + limit + ")", errors);
                    }
                }
                return out.toByteArray();
            }
        }
    }

    private static ToyError encodeError(String codec, String s, int i, String reason, String errors) {
        return Errors.of(ExceptionTypes.UNICODE_ENCODE_ERROR, "'" + codec + "' codec can't encode character "
                + Strings.ascii(Strings.repr(String.valueOf(s.charAt(i)))) + " in position " + i + ": " + reason);
    }

    public static String decode(byte[] bytes, String encoding, String errors) {
        String codec = normalise(encoding);
        switch (codec) {
            case "latin-1": return new String(bytes, StandardCharsets.ISO_8859_1);
            case "ascii": {
                StringBuilder b = new StringBuilder(bytes.length);
                for (int i = 0; i < bytes.length; i++) {
                    int v = bytes[i] & 0xff;
                    if (v < 128) b.append((char) v);
                    else if (errors.equals("replace")) b.append('\ufffd');
                    else if (!errors.equals("ignore")) {
                        throw decodeError(codec, v, i, i + 1, "ordinal not in range(128)");
                    }
                }
                return b.toString();
            }
            case "utf-16": return new String(bytes, StandardCharsets.UTF_16);
            default: return decodeUtf8(bytes, errors);
        }
    }

    private static String decodeUtf8(byte[] bytes, String errors) {
        if (!errors.equals("strict")) {
            // replace and ignore: Java's decoder substitutes U+FFFD per malformed sequence.
            String r = new String(bytes, StandardCharsets.UTF_8);
            return errors.equals("ignore") ? r.replace("\ufffd", "") : r;
        }
        CharsetDecoder d = Charset.forName("UTF-8").newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        java.nio.charset.CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int pos = in.position();
            int v = bytes[pos] & 0xff;
            String reason = (v >= 0x80 && v < 0xc2) || v > 0xf4 ? "invalid start byte"
                    : pos + r.length() >= bytes.length ? "unexpected end of data" : "invalid continuation byte";
            throw decodeError("utf-8", v, pos, pos + r.length(), reason);
        }
        try {
            d.flush(out);
        } catch (IllegalStateException e) {
            throw Errors.valueError("bad utf-8");
        }
        out.flip();
        return out.toString();
    }

    private static ToyError decodeError(String codec, int b, int start, int end, String reason) {
        String what = end - start > 1 ? "bytes in position " + start + "-" + (end - 1)
                : "byte 0x" + String.format("%02x", b) + " in position " + start;
        return Errors.of(ExceptionTypes.UNICODE_DECODE_ERROR, "'" + codec + "' codec can't decode " + what + ": " + reason);
    }
}
