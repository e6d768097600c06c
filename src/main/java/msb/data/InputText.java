package msb.data;

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

    private InputText(String name, byte[] bytes, int start, int end, int newlines) {
        this.name = name;
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.lastLineUnterminated = end == bytes.length;
        this.lineCount = newlines + 1;
    }

    /**
     * An upper bound on the rows of a layout whose rows take at least {@code minRowBytes} each (newline
     * included): the line count, but never more than the bytes allow (a file of short junk lines).
     */
    int rowBound(int minRowBytes) { return (int) Math.min(lineCount, (long) (end - start) / minRowBytes + 1); }

    static InputText of(String name, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
                || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
            throw new UserInputException(name + " is UTF-16 text; save it as UTF-8 (or ASCII) and import it again");
        }
        int newlines = checkText(name, bytes, bytes.length);
        int end = bytes.length;
        while (end > start && isBlank(bytes[end - 1])) end--;
        if (end == start) throw new UserInputException(name + " is empty; nothing to import (export the data again)");
        int last = end == bytes.length ? end : lineEndAfter(bytes, end);
        for (int i = last; i < bytes.length; i++) if (bytes[i] == '\n') newlines--; // the blank tail's
        return new InputText(name, bytes, start, last, newlines);
    }

    /**
     * Refuses control bytes other than tab, CR and LF among the first {@code n} bytes (binary content);
     * returns the number of LFs among them (counted in the same pass, to size the row arrays once).
     */
    static int checkText(String name, byte[] bytes, int n) {
        int newlines = 0;
        for (int i = 0; i < n; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\n') newlines++;
            else if (c < 0x20 && c != '\r' && c != '\t') {
                throw new UserInputException(name + " contains binary data (byte 0x%02x at offset %d); ".formatted(c, i)
                        + "it is not a text export: check that this is the right file");
            }
        }
        return newlines;
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
    Lines lines() { return new Lines(); }

    final class Lines {
        private int pos = start;
        int lineNo;
        int from;
        int to;

        boolean next() {
            if (pos >= end) return false;
            from = pos;
            int i = pos;
            while (i < end && bytes[i] != '\n') i++;
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
