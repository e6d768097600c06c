package msb.evaluate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import msb.core.UserInputException;

/**
 * A range of bar close times to evaluate on ({@code evaluate --from TS --to TS}), both ends inclusive, unix
 * seconds UTC. Either end may be open ({@link Long#MIN_VALUE} / {@link Long#MAX_VALUE}).
 */
public record EvalRange(long fromTs, long toTs) {
    public EvalRange {
        if (fromTs > toTs) {
            throw new UserInputException("--from " + Instant.ofEpochSecond(fromTs) + " is after --to " + Instant.ofEpochSecond(toTs)
                    + "; swap them");
        }
    }

    public boolean contains(long ts) { return ts >= fromTs && ts <= toTs; }

    /** Both flags as given (null = open end); null when neither was given. */
    public static EvalRange of(String fromOrNull, String toOrNull) {
        if (fromOrNull == null && toOrNull == null) return null;
        return new EvalRange(fromOrNull == null ? Long.MIN_VALUE : parse("--from", fromOrNull, false),
                toOrNull == null ? Long.MAX_VALUE : parse("--to", toOrNull, true));
    }

    /**
     * Unix seconds, or ISO-8601: an instant with offset or Z ({@code 2024-05-01T12:00:00Z}), a date-time without
     * offset (taken as UTC), or a date alone: its 00:00 UTC for {@code --from}, its last second for {@code --to}
     * (so {@code --to 2024-05-31} includes that whole day).
     */
    public static long parse(String flag, String text, boolean endOfDay) {
        String t = text.trim();
        if (t.matches("-?\\d+")) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw bad(flag, text);
            }
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', 'T')).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            return LocalDateTime.parse(t.replace(' ', 'T')).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // next form
        }
        try {
            LocalDate d = LocalDate.parse(t);
            return endOfDay ? d.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1
                    : d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw bad(flag, text);
        }
    }

    private static UserInputException bad(String flag, String text) {
        return new UserInputException(flag + " '" + text + "': not a time; use unix seconds (1714521600) or ISO-8601 "
                + "(2024-05-01, 2024-05-01T12:00:00Z)");
    }

    /** e.g. "2024-05-01T00:00:00Z .. 2024-05-31T23:59:59Z" (open ends shown as "start" / "end"). */
    public String describe() {
        return (fromTs == Long.MIN_VALUE ? "start" : Instant.ofEpochSecond(fromTs).toString()) + " .. "
                + (toTs == Long.MAX_VALUE ? "end" : Instant.ofEpochSecond(toTs).toString());
    }
}
