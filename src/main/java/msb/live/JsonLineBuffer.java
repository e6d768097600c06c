package msb.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import msb.core.Json;

/**
 * A growable byte buffer that JSON values are appended to in exactly the bytes {@link Json#line} gives them,
 * without a String or a generator per value: the event log writes a line or more per bar, and building each
 * through Jackson was a third of the replay loop's time. Anything out of the ordinary (a string needing
 * escapes or holding non-ASCII characters) goes through Jackson itself, so the bytes never differ.
 */
final class JsonLineBuffer {
    private byte[] buf;
    private int len;
    /** Scratch for number formatting: StringBuilder.append(double) gives Double.toString's digits without a String. */
    private final StringBuilder digits = new StringBuilder(32);

    JsonLineBuffer(int initialBytes) { buf = new byte[initialBytes]; }

    int length() { return len; }

    boolean isEmpty() { return len == 0; }

    void clear() { len = 0; }

    /** Drops what was appended after {@code length}. */
    void truncate(int length) { len = length; }

    /** The buffered bytes (valid until the next append or clear). */
    ByteBuffer view() { return ByteBuffer.wrap(buf, 0, len); }

    /** Appends bytes that are already JSON (names, punctuation, a serialised value). */
    JsonLineBuffer raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    JsonLineBuffer raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    JsonLineBuffer num(long v) {
        if (v == Long.MIN_VALUE) return ascii(Long.toString(v));
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** As Jackson writes a double: Double.toString, and NaN or an infinity as a quoted string. */
    JsonLineBuffer num(double v) {
        boolean quoted = Double.isNaN(v) || Double.isInfinite(v);
        digits.setLength(0);
        digits.append(v);
        ensure(digits.length() + 2);
        if (quoted) buf[len++] = '"';
        for (int i = 0; i < digits.length(); i++) buf[len++] = (byte) digits.charAt(i);
        if (quoted) buf[len++] = '"';
        return this;
    }

    JsonLineBuffer bool(boolean v) { return ascii(v ? "true" : "false"); }

    /** A JSON string (or null); printable ASCII without quote or backslash is copied, anything else escaped by Jackson. */
    JsonLineBuffer str(String s) {
        if (s == null) return ascii("null");
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return raw(Json.line(s).getBytes(StandardCharsets.UTF_8));
        }
        ensure(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) buf[len++] = (byte) s.charAt(i);
        buf[len++] = '"';
        return this;
    }

    /** Appends a string known to be plain ASCII JSON text as it is. */
    private JsonLineBuffer ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        return this;
    }

    private void ensure(int more) {
        if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
}
