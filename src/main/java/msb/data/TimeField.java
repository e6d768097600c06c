package msb.data;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses the time column of a text file into unix seconds: unix seconds or unix milliseconds (decided once
 * per file from the first value: 1e11 and above is milliseconds, which no second count reaches before
 * the year 5000), or ISO-8601 with {@code T} or a space before the time and an offset or {@code Z}.
 * One unit per file: a later value of the other magnitude is refused, not read as a time in year 55840.
 * Every time must be plausible: from 2000-01-01 to a week after now (a bar closing later is not data yet).
 *
 * <p>Funding settlements ({@link #settlements()}) are not bars: exchanges stamp them a few ms after the
 * hour ({@code 1758268800005}, {@code 16:00:00.001000}), so a stamp within {@link #SETTLEMENT_JITTER_MS}
 * of a whole hour is snapped to it and counted; a fractional stamp elsewhere is still refused.
 */
final class TimeField {
    private static final long MS_THRESHOLD = 100_000_000_000L;
    /** Millisecond counts reach this in the year 5138: a value this large is micro- or nanoseconds. */
    private static final long US_THRESHOLD = 100_000_000_000_000L;
    /** 2000-01-01T00:00Z: no crypto market data is older. */
    static final long MIN_PLAUSIBLE_SEC = 946_684_800L;
    /** How far past the wall clock a stamp may lie (a daily bar stamped at its close, clocks a little off). */
    static final long MAX_FUTURE_SEC = 7 * 86_400L;
    /** The most a settlement stamp may lie off its whole hour and still be snapped to it. */
    static final long SETTLEMENT_JITTER_MS = 60_000;
    private static final long HOUR_MS = 3_600_000;

    private final boolean settlement;
    private final long maxPlausibleSec = System.currentTimeMillis() / 1000 + MAX_FUTURE_SEC;
    /** Settlement stamps moved onto their hour, and the largest move in ms. */
    int snapped;
    long maxSnapMs;

    TimeField() { this(false); }

    private TimeField(boolean settlement) { this.settlement = settlement; }

    /** A parser for funding settlement stamps: jitter around the hour is snapped, not refused. */
    static TimeField settlements() { return new TimeField(true); }

    /** Why a value is not a time; the caller adds the location. */
    static final class BadTime extends RuntimeException {
        BadTime(String reason) { super(reason, null, false, false); }
    }

    private long unitMs; // 0 = not decided yet, 1 = seconds given, 1000 = milliseconds given

    long seconds(byte[] b, int from, int to) {
        long raw = Num.parseLong(b, from, to);
        if (raw >= 0) return fromNumber(raw);
        long fast = fastIso(b, from, to);
        if (fast != Long.MIN_VALUE) return ms(fast * 1000, null);
        String text = new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        if (text.length() > 60) text = text.substring(0, 60) + "...";
        return isoTime(text);
    }

    /** An ISO-8601 time, snapped when this parses settlements, checked for plausibility. */
    long isoTime(String text) {
        OffsetDateTime odt = parseIso(text);
        if (odt.getNano() != 0 && !settlement) {
            throw new BadTime("time '" + text + "' has a fraction of a second; bars must start on whole seconds");
        }
        long sec = Math.max(-1, Math.min(odt.toEpochSecond(), 100_000_000_000L)); // no overflow in ms below
        return ms(sec * 1000 + odt.getNano() / 1_000_000, null);
    }

    /**
     * Fixes the unit as {@code raw}, the file's first time, would: a reader of a later part of the file then
     * reads it as one pass from the start would.
     */
    void fixUnit(long raw) {
        if (raw >= 0 && raw < US_THRESHOLD) unitMs = raw >= MS_THRESHOLD ? 1000 : 1;
    }

    long fromNumber(long raw) {
        if (raw >= US_THRESHOLD) {
            throw new BadTime("time " + raw + " is in microseconds or nanoseconds; msb reads unix seconds or unix"
                    + " milliseconds: divide the column by 1000 (or 1000000)");
        }
        long unit = raw >= MS_THRESHOLD ? 1000 : 1;
        if (unitMs == 0) unitMs = unit;
        if (unit != unitMs) {
            throw new BadTime("time " + raw + " is in " + (unit == 1 ? "seconds" : "milliseconds") + " but the file's"
                    + " first time was in " + (unitMs == 1 ? "seconds" : "milliseconds") + "; one unit per file:"
                    + " convert the column");
        }
        if (unitMs == 1) return ms(raw * 1000, "seconds");
        if (raw % 1000 != 0 && !settlement) {
            throw new BadTime("time " + raw + " ms is not on a whole second; bars must start on whole seconds");
        }
        return ms(raw, "milliseconds");
    }

    /** Milliseconds to whole seconds: settlement jitter snapped to the hour, then the plausible range checked. */
    private long ms(long ms, String unit) {
        if (settlement) {
            long hour = Math.floorDiv(ms + HOUR_MS / 2, HOUR_MS) * HOUR_MS;
            long off = Math.abs(ms - hour);
            if (off != 0 && off <= SETTLEMENT_JITTER_MS) {
                snapped++;
                maxSnapMs = Math.max(maxSnapMs, off);
                ms = hour;
            } else if (ms % 1000 != 0) {
                throw new BadTime("settlement " + Intervals.iso(Math.floorDiv(ms, 1000)) + " is " + Math.floorMod(ms, 1000)
                        + " ms off a whole second and more than " + SETTLEMENT_JITTER_MS / 1000 + " s off a whole hour;"
                        + " funding settles on the hour: check the time column");
            }
        }
        long sec = Math.floorDiv(ms, 1000);
        if (sec < MIN_PLAUSIBLE_SEC || sec > maxPlausibleSec) {
            String when = sec < MIN_PLAUSIBLE_SEC ? "before 2000-01-01" : "more than " + MAX_FUTURE_SEC / 86_400
                    + " days in the future";
            String shown = sec > -62_000_000_000L && sec < 250_000_000_000L ? Intervals.iso(sec) : "year out of range";
            throw new BadTime("time " + shown + (unit == null ? "" : " (read as unix " + unit + ")") + " is " + when
                    + ", not a plausible market time; check the time column" + (unit == null ? "" : " and its unit"));
        }
        return sec;
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

    private static OffsetDateTime parseIso(String text) {
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
        return odt;
    }
}
