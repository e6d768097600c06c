package msb.data;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the time column of a text file into unix seconds: unix seconds or unix milliseconds (decided once
 * per file from the first value: 1e11 and above is milliseconds, which no second count reaches before
 * the year 5000), or ISO-8601 with {@code T} or a space before the time and an offset or {@code Z}.
 */
final class TimeField {
    private static final long MS_THRESHOLD = 100_000_000_000L;

    /** Why a value is not a time; the caller adds the location. */
    static final class BadTime extends RuntimeException {
        BadTime(String reason) { super(reason, null, false, false); }
    }

    private long unitMs; // 0 = not decided yet, 1 = seconds given, 1000 = milliseconds given

    long seconds(byte[] b, int from, int to) {
        long raw = Num.parseLong(b, from, to);
        if (raw >= 0) return fromNumber(raw);
        long fast = fastIso(b, from, to);
        if (fast != Long.MIN_VALUE) return fast;
        return iso(new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8));
    }

    long fromNumber(long raw) {
        if (unitMs == 0) unitMs = raw >= MS_THRESHOLD ? 1000 : 1;
        if (unitMs == 1) return raw;
        if (raw % 1000 != 0) {
            throw new BadTime("time " + raw + " ms is not on a whole second; bars must start on whole seconds");
        }
        return raw / 1000;
    }

    /**
     * {@code YYYY-MM-DD[T ]HH:MM:SS} followed by {@code Z} or {@code ±HH:MM}, straight from the bytes;
     * Long.MIN_VALUE for anything else (the general parser then decides, with its messages).
     */
    static long fastIso(byte[] b, int from, int to) {
        int len = to - from;
        if (len != 20 && len != 25) return Long.MIN_VALUE;
        if (b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ')
                || b[from + 13] != ':' || b[from + 16] != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(b, from, 4), month = digits(b, from + 5, 2), day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2), minute = digits(b, from + 14, 2), second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE; // day > 28 and the rest: the general parser knows month lengths
        }
        int offsetSec;
        if (len == 20) {
            if (b[from + 19] != 'Z') return Long.MIN_VALUE;
            offsetSec = 0;
        } else {
            byte sign = b[from + 19];
            int oh = digits(b, from + 20, 2), om = digits(b, from + 23, 2);
            if ((sign != '+' && sign != '-') || b[from + 22] != ':' || oh < 0 || oh > 18 || om < 0 || om > 59) {
                return Long.MIN_VALUE;
            }
            offsetSec = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return days * 86_400 + hour * 3600L + minute * 60L + second - offsetSec;
    }

    private static int digits(byte[] b, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) return -1;
            v = v * 10 + d;
        }
        return v;
    }

    static long iso(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        OffsetDateTime odt;
        try {
            odt = OffsetDateTime.parse(t);
        } catch (DateTimeParseException e) {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                throw new BadTime("time '" + text + "' has no UTC offset; add Z or +00:00 so that it is unambiguous");
            }
            throw new BadTime("'" + text + "' is not a time (expected unix seconds, unix ms or ISO-8601 such as "
                    + "2025-04-03 17:05:00+00:00)");
        }
        if (odt.getNano() != 0) {
            throw new BadTime("time '" + text + "' has a fraction of a second; bars must start on whole seconds");
        }
        return odt.toEpochSecond();
    }
}
