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
