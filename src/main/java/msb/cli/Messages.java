package msb.cli;

/**
 * What reaches the user as an error is one readable line: no Jackson parser internals
 * ({@code at [Source: UNKNOWN; line: 1, column: 2]}), no embedded newlines or control characters, and
 * never a whole input file quoted back (a 300 MB one-line file once was).
 */
final class Messages {
    /** The longest message printed; the middle of a longer one is cut and the cut is said. */
    static final int MAX_CHARS = 2000; // room for two column lists (a schema mismatch names both sides)

    private Messages() {}

    static String oneLine(String message) {
        if (message == null) return "";
        String m = message;
        if (m.length() > 20 * MAX_CHARS) m = m.substring(0, 10 * MAX_CHARS) + " " + m.substring(m.length() - 10 * MAX_CHARS);
        m = m.replaceAll("\\s*\\(?through reference chain: [^)]*\\)?", "")
                .replaceAll("\\s*at \\[Source: [^\\]]*\\]", "")
                .replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
        StringBuilder b = new StringBuilder(m.length());
        boolean space = false;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean ws = Character.isWhitespace(c) || Character.isISOControl(c);
            if (ws) {
                if (!space && b.length() > 0) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        String s = b.toString().strip();
        if (s.length() <= MAX_CHARS) return s;
        int head = MAX_CHARS * 2 / 3, tail = MAX_CHARS / 4;
        return s.substring(0, head) + " [... " + (s.length() - head - tail) + " characters cut ...] "
                + s.substring(s.length() - tail);
    }
}
