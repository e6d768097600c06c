package msb.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes little-endian columns to a stream through one 64 KiB buffer, hashing every byte as it goes out:
 * the binary stores' files are never held twice in memory nor read back to hash them. Whole columns are
 * copied in bulk (a value at a time is several times slower on the quick-start compiler).
 */
public final class ColumnSink {
    private static final int CHUNK_BYTES = 1 << 16; // a multiple of 8: values never straddle a flush
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final OutputStream out;
    private final Hashing.Sha256 hash = Hashing.running();

    public ColumnSink(OutputStream out) { this.out = out; }

    /** Room for a header of {@code bytes} (at most 64 KiB) at the buffer's position. */
    public ByteBuffer room(int bytes) throws IOException {
        if (buf.remaining() < bytes) flush();
        return buf;
    }

    public void longs(long[] a) throws IOException { longs(a, a.length); }

    /** The first {@code n} values of {@code a}. */
    public void longs(long[] a, int n) throws IOException {
        for (int i = 0; i < n; ) {
            if (buf.remaining() < Long.BYTES) flush();
            int m = Math.min(buf.remaining() / Long.BYTES, n - i);
            buf.asLongBuffer().put(a, i, m);
            buf.position(buf.position() + m * Long.BYTES);
            i += m;
        }
    }

    public void doubles(double[] a) throws IOException { doubles(a, a.length); }

    /** The first {@code n} values of {@code a}. */
    public void doubles(double[] a, int n) throws IOException {
        for (int i = 0; i < n; ) {
            if (buf.remaining() < Double.BYTES) flush();
            int m = Math.min(buf.remaining() / Double.BYTES, n - i);
            buf.asDoubleBuffer().put(a, i, m);
            buf.position(buf.position() + m * Double.BYTES);
            i += m;
        }
    }

    public void bytes(byte[] a) throws IOException {
        for (int i = 0; i < a.length; ) {
            if (!buf.hasRemaining()) flush();
            int m = Math.min(buf.remaining(), a.length - i);
            buf.put(a, i, m);
            i += m;
        }
    }

    /** Writes out what is buffered; call once at the end. */
    public void flush() throws IOException {
        hash.update(buf.array(), 0, buf.position());
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** The sha256 of every byte written, as lowercase hex; after the last {@link #flush}. */
    public String sha256() { return hash.hex(); }
}
