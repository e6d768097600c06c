package msb.data;

/**
 * Strict decimal parsing for importers. Accepts {@code [+-]digits[.digits][e[+-]digits]} and nothing else
 * (no spaces, no "1d"/hex forms that {@link Double#parseDouble} tolerates). Plain decimals with at most 15
 * significant digits take an exact fast path (Clinger: an integer below 2^53 divided by an exact power of
 * ten is correctly rounded); everything else goes through the JDK, so results always equal
 * {@code Double.parseDouble}.
 */
final class Num {
    private static final double[] POW10 = new double[23];
    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) { POW10[i] = p; p *= 10; }
    }

    private Num() {}

    /** Thrown for text that is not a number at all; non-finite numbers come back as NaN/Infinity. */
    static final class NotANumber extends RuntimeException {
        NotANumber() { super(null, null, false, false); }
    }

    static double parse(byte[] b, int from, int to) {
        int i = from;
        if (i >= to) throw new NotANumber();
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') { neg = b[i] == '-'; i++; }
        long mant = 0;
        int digits = 0, fracDigits = 0;
        boolean dot = false, any = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mant == 0 && c == '0') { if (dot) fracDigits++; continue; }
                mant = mant * 10 + (c - '0');
                digits++;
                if (dot) fracDigits++;
                if (digits > 15) return slow(b, from, to);
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (!any) throw new NotANumber();
        if (fracDigits >= POW10.length) return slow(b, from, to);
        double v = mant / POW10[fracDigits];
        return neg ? -v : v;
    }

    static double parse(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        return parse(b, 0, b.length);
    }

    private static double slow(byte[] b, int from, int to) {
        String s = new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        switch (lower) {
            case "nan", "+nan", "-nan" -> { return Double.NaN; }
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') digit = true;
            else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') throw new NotANumber();
        }
        if (!digit) throw new NotANumber();
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new NotANumber();
        }
    }

    /** A non-negative integer of at most 18 digits, or -1 when the text is anything else. */
    static long parseLong(byte[] b, int from, int to) {
        if (from >= to || to - from > 18) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
