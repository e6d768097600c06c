package msb.data;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import msb.core.Parallel;
import msb.core.UserInputException;

/**
 * The bytes of one input file with the legal quirks taken care of once: a UTF-8 byte-order mark is
 * skipped, CRLF is read as LF, blank trailing lines and a missing final newline are fine. An empty file
 * and binary content (control bytes other than tab, CR, LF) are refused here, naming the file.
 */
final class InputText {
    final String name;
    final byte[] bytes;
    /** First byte after the byte-order mark. */
    final int start;
    /** One past the last byte of the last non-blank line. */
    final int end;
    /** True when the last non-blank line is not followed by a newline (it may have been cut off). */
    final boolean lastLineUnterminated;
    /** Physical lines in [start, end): an upper bound on the rows, so collectors are sized once. */
    final int lineCount;
    /**
     * The text cut into line-aligned pieces for parsers that read them on parallel threads: piece k starts at
     * {@code pieceFrom[k]} (the start of a line; piece 0 at {@link #start}) and its first line is number
     * {@code pieceFirstLine[k]}. One piece when the file is small.
     */
    final int[] pieceFrom, pieceFirstLine;

    /** Below this many bytes per piece, threads cost more than they save. */
    private static final int MIN_PIECE_BYTES = 1 << 20;
    /** Pieces per core: a core that another process takes for a while holds up a small piece only. */
    private static final int PIECES_PER_CORE = 4;

    private InputText(String name, byte[] bytes, int start, int end, int newlines, int[] pieceFrom, int[] pieceFirstLine) {
        this.name = name;
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.lastLineUnterminated = end == bytes.length;
        this.lineCount = newlines + 1;
        this.pieceFrom = pieceFrom;
        this.pieceFirstLine = pieceFirstLine;
    }

    /**
     * An upper bound on the rows of a layout whose rows take at least {@code minRowBytes} each (newline
     * included): the line count, but never more than the bytes allow (a file of short junk lines).
     */
    int rowBound(int minRowBytes) { return (int) Math.min(lineCount, (long) (end - start) / minRowBytes + 1); }

    static InputText of(String name, byte[] bytes) {
        int cores = Runtime.getRuntime().availableProcessors();
        return of(name, bytes, cores < 2 ? 1 : (int) Math.min((long) cores * PIECES_PER_CORE, bytes.length / MIN_PIECE_BYTES));
    }

    /** As {@link #of(String, byte[])}, cut into (at most) {@code pieces} pieces: tests cut small files too. */
    static InputText of(String name, byte[] bytes, int pieces) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new UserInputException(name + " is UTF-16 text; save it as UTF-8 (or ASCII) and import it again");
        }
        int[] from = pieces(bytes, start, Math.max(1, pieces));
        int[] firstLine = new int[from.length];
        int newlines = checkPieces(name, bytes, from, firstLine);
        int end = bytes.length;
        while (end > start && isBlank(bytes[end - 1])) end--;
        if (end == start) throw new UserInputException(name + " is empty; nothing to import (export the data again)");
        int last = end == bytes.length ? end : lineEndAfter(bytes, end);
        for (int i = last; i < bytes.length; i++) if (bytes[i] == '\n') newlines--; // the blank tail's
        return new InputText(name, bytes, start, last, newlines, from, firstLine);
    }

    /** Starts of line-aligned pieces of about equal size: each after a newline, the first at {@code start}. */
    private static int[] pieces(byte[] bytes, int start, int k) {
        int[] from = new int[k];
        int n = 0;
        from[n++] = start;
        for (int p = 1; p < k; p++) {
            int i = start + (int) ((long) (bytes.length - start) * p / k);
            i = Math.max(i, from[n - 1] + 1);
            while (i < bytes.length && bytes[i - 1] != '\n') i++;
            if (i < bytes.length && i > from[n - 1]) from[n++] = i;
        }
        return n == k ? from : java.util.Arrays.copyOf(from, n);
    }

    /**
     * {@link #checkText} over the pieces on parallel threads: the same refusal (the first binary byte of the
     * file) and newline count; fills each piece's first line number.
     */
    private static int checkPieces(String name, byte[] bytes, int[] from, int[] firstLine) {
        if (from.length == 1) {
            firstLine[0] = 1;
            return checkText(name, bytes, bytes.length);
        }
        List<Supplier<long[]>> tasks = new ArrayList<>();
        for (int k = 0; k < from.length; k++) {
            int lo = k == 0 ? 0 : from[k], hi = k + 1 < from.length ? from[k + 1] : bytes.length;
            tasks.add(() -> scan(bytes, lo, hi));
        }
        int newlines = 0;
        List<long[]> counts = Parallel.all(tasks);
        for (int k = 0; k < from.length; k++) {
            long[] r = counts.get(k);
            if (r[1] >= 0) throw binary(name, bytes, (int) r[1]); // the earliest piece holds the file's first one
            firstLine[k] = newlines + 1;
            newlines += (int) r[0];
        }
        return newlines;
    }

    /**
     * Newlines in [from, to) and the offset of the first binary byte there (-1: none). Eight bytes at a time:
     * only a word holding a byte below 0x20 (about one in seven: the newlines) is looked at byte by byte.
     * On the quick-start compiler this is five times faster than a byte loop over a 50 MB file.
     */
    private static long[] scan(byte[] bytes, int from, int to) {
        int newlines = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            if (controlIn((long) LONGS.get(bytes, i))) {
                for (int j = i; j < i + Long.BYTES; j++) {
                    int c = bytes[j] & 0xff;
                    if (c == '\n') newlines++;
                    else if (c < 0x20 && c != '\r' && c != '\t') return new long[]{newlines, j};
                }
            }
        }
        for (; i < to; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n') newlines++;
            else if (c < 0x20 && c != '\r' && c != '\t') return new long[]{newlines, i};
        }
        return new long[]{newlines, -1};
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long BYTES_0x01 = 0x0101010101010101L, BYTES_0x20 = 0x2020202020202020L, HIGH_BITS = 0x8080808080808080L;

    /**
     * Whether a word may hold a byte below 0x20 (a control byte). Never false when it does; a true may be a
     * false alarm (the subtraction's borrow), which the byte-by-byte look settles.
     */
    private static boolean controlIn(long w) { return ((w - BYTES_0x20) & ~w & HIGH_BITS) != 0; }

    /** Whether a word may hold a newline (same trick on the word xor newlines). */
    private static boolean newlineIn(long w) {
        long x = w ^ (BYTES_0x01 * '\n');
        return ((x - BYTES_0x01) & ~x & HIGH_BITS) != 0;
    }

    /**
     * Refuses control bytes other than tab, CR and LF among the first {@code n} bytes (binary content);
     * returns the number of LFs among them (counted in the same pass, to size the row arrays once).
     */
    static int checkText(String name, byte[] bytes, int n) {
        long[] r = scan(bytes, 0, n);
        if (r[1] >= 0) throw binary(name, bytes, (int) r[1]);
        return (int) r[0];
    }

    private static UserInputException binary(String name, byte[] bytes, int i) {
        return new UserInputException(name + " contains binary data (byte 0x%02x at offset %d); ".formatted(bytes[i] & 0xff, i)
                + "it is not a text export: check that this is the right file");
    }

    private static boolean isBlank(byte c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; }

    /** The end of the line containing position end-1, so trailing spaces on the last line stay part of it. */
    private static int lineEndAfter(byte[] b, int end) {
        int i = end;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') i++;
        return i;
    }

    /** First non-blank byte, or -1. */
    int firstSignificantByte() {
        for (int i = start; i < end; i++) if (!isBlank(bytes[i])) return bytes[i] & 0xff;
        return -1;
    }

    /** A forward cursor over lines; line numbers are 1-based and count every physical line. */
    Lines lines() { return new Lines(start, end, 0); }

    /** Pieces for parallel parsers (see {@link #pieceFrom}). */
    int pieces() { return pieceFrom.length; }

    /** A cursor over the lines of piece k only; its line numbers are the file's. */
    Lines piece(int k) {
        int to = k + 1 < pieceFrom.length ? Math.min(pieceFrom[k + 1], end) : end;
        return new Lines(Math.min(pieceFrom[k], to), to, pieceFirstLine[k] - 1);
    }

    final class Lines {
        private int pos;
        /** Where this cursor stops: the end of the text, or of its piece. */
        private final int limit;
        int lineNo;
        int from;
        int to;

        private Lines(int pos, int limit, int lineNo) {
            this.pos = pos;
            this.limit = limit;
            this.lineNo = lineNo;
        }

        boolean next() {
            if (pos >= limit) return false;
            from = pos;
            int i = pos;
            while (i + Long.BYTES <= limit && !newlineIn((long) LONGS.get(bytes, i))) i += Long.BYTES; // a word at a time
            while (i < limit && bytes[i] != '\n') i++;
            to = i > from && bytes[i - 1] == '\r' ? i - 1 : i;
            pos = i + 1;
            lineNo++;
            return true;
        }

        boolean isLast() { return pos >= end; }

        boolean isBlank() {
            for (int i = from; i < to; i++) if (bytes[i] != ' ' && bytes[i] != '\t') return false;
            return true;
        }

        /** The line as text, cut at 200 bytes (headers are shorter; messages quote this). */
        String text() {
            int len = to - from;
            if (len <= 200) return new String(bytes, from, len, java.nio.charset.StandardCharsets.UTF_8);
            return new String(bytes, from, 200, java.nio.charset.StandardCharsets.UTF_8) + "... (" + len + " bytes)";
        }
    }
}
