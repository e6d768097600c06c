package msb.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import msb.core.UserInputException;

/**
 * Reads funding-rate files and converts every rate to a fraction PER HOUR: a rate quoted per 8h
 * settlement (Binance, BitMEX) is divided by 8, Hyperliquid's hourly rates are kept. Exact duplicate
 * settlements are dropped and counted; two different rates for one settlement, or a settlement earlier
 * than the one before, are refused naming both places.
 *
 * <p>Layouts: {@code csv} ({@code ts,rate} with or without header; ts in unix s, ms or ISO-8601; the rate a
 * fraction per settlement period, given by {@code periodHours}, default 8 as on Binance), {@code bitmex-json}
 * (records with {@code timestamp}, {@code fundingRate} and {@code fundingInterval}, the period read from
 * each record), {@code freqtrade-json} ({@code [[settlement_ms, rate, 0, 0, 0, 0], ...]}, per
 * {@code periodHours}) and {@code hyperliquid-json} (a fundingHistory answer, hourly).
 */
public final class FundingImporter {
    /** Default settlement period of per-period rates (csv, freqtrade-json): Binance and BitMEX settle every 8 h. */
    public static final double DEFAULT_PERIOD_HOURS = 8;
    /** A rate whose magnitude reaches 100% per period is not a funding rate (a percent column, most likely). */
    private static final double MAX_ABS_RATE_PER_PERIOD = 1.0;
    private static final Instant BITMEX_INTERVAL_ORIGIN = Instant.parse("2000-01-01T00:00:00Z");

    public enum Format {
        AUTO("auto"), CSV("csv"), BITMEX_JSON("bitmex-json"), FREQTRADE_JSON("freqtrade-json"),
        HYPERLIQUID_JSON("hyperliquid-json");

        private final String cliName;

        Format(String cliName) { this.cliName = cliName; }

        public String cliName() { return cliName; }

        public static Format parse(String text) {
            for (Format f : values()) if (f.cliName.equalsIgnoreCase(text.trim())) return f;
            throw new UserInputException("--format '" + text + "' is not a funding format; use one of "
                    + String.join(", ", Arrays.stream(values()).map(Format::cliName).toList()));
        }

        @Override public String toString() { return cliName; }
    }

    /**
     * @param periodHours the settlement period the input quoted (0 when it varied by record)
     */
    /**
     * @param snapped   settlement stamps moved onto their whole hour (exchange jitter of a few ms)
     * @param maxSnapMs the largest such move
     */
    public record Result(FundingSeries series, Format format, double periodHours, int duplicatesDropped,
                         String inputSha256, int snapped, long maxSnapMs) {}

    private FundingImporter() {}

    public static Result read(Path file, Format format, double periodHours) {
        return read(file.toString(), BarImporter.readBytes(file), format, periodHours);
    }

    public static Result read(String name, byte[] bytes, Format format, double periodHours) {
        if (!(periodHours > 0) || periodHours > 24 * 7) {
            throw new UserInputException("--funding-period-hours " + periodHours + " is not a settlement period; use e.g. 8 or 1");
        }
        InputText in = InputText.of(name, bytes);
        Format f = format == Format.AUTO ? sniff(in) : format;
        Collector c = new Collector(in.name, f == Format.CSV);
        TimeField tf = TimeField.settlements();
        double period = switch (f) {
            case CSV -> { csv(in, c, tf, periodHours); yield periodHours; }
            case FREQTRADE_JSON -> { freqtrade(in, c, tf, periodHours); yield periodHours; }
            case HYPERLIQUID_JSON -> { hyperliquid(in, c, tf); yield 1; }
            case BITMEX_JSON -> bitmex(in, c, tf);
            case AUTO -> throw new IllegalStateException("sniff never answers AUTO");
        };
        if (c.n == 0) throw new UserInputException(in.name + " has no funding rows; nothing to import");
        return new Result(new FundingSeries(Arrays.copyOf(c.ts, c.n), Arrays.copyOf(c.rate, c.n)), f, period,
                c.duplicates, msb.core.Hashing.sha256(bytes), tf.snapped, tf.maxSnapMs);
    }

    static Format sniff(InputText in) {
        int first = in.firstSignificantByte();
        if (first != '[' && first != '{') return Format.CSV;
        Format[] found = {null};
        try {
            JsonBarParser.forEachRecord(in, null, (node, i, line) -> {
                if (found[0] != null) return;
                if (node.isArray()) found[0] = Format.FREQTRADE_JSON;
                else if (node.has("fundingInterval") || node.has("timestamp") && node.has("fundingRate")) found[0] = Format.BITMEX_JSON;
                else if (node.has("time") && node.has("fundingRate")) found[0] = Format.HYPERLIQUID_JSON;
            });
        } catch (UserInputException e) {
            if (first == '{') {
                throw new UserInputException(in.name + ": a JSON object; funding files are arrays of records (pass --format)");
            }
            throw e;
        }
        if (found[0] == null) {
            throw new UserInputException(in.name + ": a JSON layout msb does not know for funding; pass --format (csv,"
                    + " bitmex-json, freqtrade-json, hyperliquid-json)");
        }
        return found[0];
    }

    private static final java.util.List<String> TS_NAMES = java.util.List.of("ts", "time", "timestamp", "fundingtime",
            "funding_time", "calc_time", "settlement", "settlement_time", "date", "datetime");
    private static final java.util.List<String> RATE_NAMES = java.util.List.of("rate", "fundingrate", "funding_rate",
            "last_funding_rate", "lastfundingrate");
    private static final java.util.List<String> DATE_NAMES = java.util.List.of("funding_date", "date");

    /**
     * {@code ts,rate} without header, or any header naming a time column and a rate column (other columns
     * ignored). A date column plus a time-of-day column (Binance's funding export: {@code funding_date,
     * funding_time}) is read as one UTC time, as Binance publishes it.
     */
    private static void csv(InputText in, Collector c, TimeField tf, double periodHours) {
        InputText.Lines lines = in.lines();
        CsvBarParser.Fields f = new CsvBarParser.Fields();
        lines.next();
        f.split(in, lines);
        boolean header = f.count > 0 && !f.allDigits(in.bytes, 0) && !looksLikeTime(f.text(in.bytes, 0));
        int cols = 2, cTs = 0, cRate = 1, cDate = -1;
        if (header) {
            if (f.count > f.from.length) throw CsvBarParser.located(in, 1, "the header has " + f.count + " columns; at most 64 are read");
            String[] names = new String[f.count];
            for (int k = 0; k < f.count; k++) names[k] = f.text(in.bytes, k).trim().toLowerCase(java.util.Locale.ROOT);
            cols = f.count;
            cRate = find(names, RATE_NAMES);
            cTs = find(names, TS_NAMES);
            int date = find(names, DATE_NAMES);
            if (date >= 0 && cTs >= 0 && date != cTs && !names[cTs].contains("date")) cDate = date;
            if (cTs < 0 || cRate < 0) {
                throw CsvBarParser.located(in, 1, "no " + (cTs < 0 ? "time" : "rate") + " column in the header "
                        + Arrays.toString(names) + "; name them ts and rate (or pass a file of ts,rate rows)");
            }
            if (!lines.next()) throw new UserInputException(in.name + " has a header but no data rows; nothing to import");
        }
        String layout = header ? "the header" : "the funding layout (ts,rate)";
        do {
            f.split(in, lines);
            CsvBarParser.checkCount(in, lines, f, cols, layout);
            int ln = lines.lineNo;
            long ts = cDate >= 0 ? dateAndTime(in, tf, f, cDate, cTs, ln) : CsvBarParser.time(in, tf, f, cTs, "ts", ln);
            double rate = CsvBarParser.number(in, f, cRate, "rate", ln);
            c.add(ln, 0, ts, rate, periodHours);
        } while (lines.next());
    }

    private static int find(String[] names, java.util.List<String> accepted) {
        for (int k = 0; k < names.length; k++) if (accepted.contains(names[k])) return k;
        return -1;
    }

    private static long dateAndTime(InputText in, TimeField tf, CsvBarParser.Fields f, int cDate, int cTime, int ln) {
        String date = f.text(in.bytes, cDate).trim(), time = f.text(in.bytes, cTime).trim();
        if (date.length() > 10 || time.length() > 20) {
            throw CsvBarParser.located(in, ln, "date/time is not YYYY-MM-DD and HH:MM:SS[.ffffff]; fix the row");
        }
        try {
            return tf.isoTime(date + "T" + time + "Z");
        } catch (TimeField.BadTime e) {
            throw CsvBarParser.located(in, ln, "date/time '" + date + " " + time + "': " + e.getMessage());
        }
    }

    private static boolean looksLikeTime(String s) {
        return s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-';
    }

    private static void freqtrade(InputText in, Collector c, TimeField tf, double periodHours) {
        BarCollector loc = c.locator();
        JsonBarParser.forEachRecord(in, null, (node, i, line) -> {
            if (!node.isArray() || node.size() < 2) {
                throw loc.error(line, i, "expected [settlement_ms, rate, 0, 0, 0, 0]; fix the record or re-export");
            }
            long ts = JsonBarParser.seconds(loc, tf, JsonBarParser.integerValue(loc, node.get(0), "settlement_ms", i, line),
                    "settlement_ms", i, line);
            c.add(line, i, ts, JsonBarParser.numberValue(loc, node.get(1), "rate", i, line), periodHours);
        });
    }

    private static void hyperliquid(InputText in, Collector c, TimeField tf) {
        BarCollector loc = c.locator();
        JsonBarParser.forEachRecord(in, null, (node, i, line) -> {
            if (!node.isObject()) throw loc.error(line, i, "expected {coin, fundingRate, premium, time}");
            // Hyperliquid stamps settlements a few ms after the hour: snapped to the hour
            long ts = JsonBarParser.seconds(loc, tf, JsonBarParser.integer(loc, node, "time", i, line), "time", i, line);
            c.add(line, i, ts, JsonBarParser.number(loc, node, "fundingRate", i, line), 1);
        });
    }

    private static double bitmex(InputText in, Collector c, TimeField tf) {
        BarCollector loc = c.locator();
        double[] period = {-1};
        JsonBarParser.forEachRecord(in, null, (node, i, line) -> {
            if (!node.isObject()) throw loc.error(line, i, "expected {timestamp, fundingInterval, fundingRate}");
            instant(loc, node, "timestamp", i, line);
            long ts;
            try {
                ts = tf.isoTime(node.get("timestamp").textValue());
            } catch (TimeField.BadTime e) {
                throw loc.error(line, i, "timestamp: " + e.getMessage());
            }
            double hours = 8;
            JsonNode iv = node.get("fundingInterval");
            if (iv != null && !iv.isNull()) {
                long sec = instant(loc, node, "fundingInterval", i, line).getEpochSecond() - BITMEX_INTERVAL_ORIGIN.getEpochSecond();
                if (sec <= 0) throw loc.error(line, i, "fundingInterval " + iv + " is not a period after 2000-01-01T00:00Z");
                hours = sec / 3600.0;
            }
            period[0] = period[0] < 0 || period[0] == hours ? hours : 0;
            c.add(line, i, ts, JsonBarParser.number(loc, node, "fundingRate", i, line), hours);
        });
        return Math.max(period[0], 0);
    }

    private static Instant instant(BarCollector loc, JsonNode node, String field, int i, int line) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw loc.error(line, i, "no " + field + " text; fix the record");
        try {
            return Instant.parse(v.textValue());
        } catch (DateTimeParseException e) {
            throw loc.error(line, i, field + " \"" + v.textValue() + "\" is not an ISO-8601 UTC time");
        }
    }

    /** Settlements in order, exact duplicates dropped, conflicts and reversals refused. */
    private static final class Collector {
        private final String file;
        private final boolean lines;
        private int n, duplicates;
        private long[] ts = new long[256];
        private double[] rate = new double[256];
        private int[] where = new int[256];

        Collector(String file, boolean lines) {
            this.file = file;
            this.lines = lines;
        }

        BarCollector locator() {
            return new BarCollector(file, lines ? BarCollector.Locator.LINE : BarCollector.Locator.RECORD,
                    BarCollector.Stamp.CLOSE);
        }

        private String place(int line, int record) {
            return lines ? "line " + line : "record " + record + " (line " + line + ")";
        }

        void add(int line, int record, long tsSec, double ratePerPeriod, double periodHours) {
            String here = file + " " + place(line, record);
            if (!Double.isFinite(ratePerPeriod)) {
                throw new UserInputException(here + ": rate is " + ratePerPeriod + ", not a finite number; drop the row");
            }
            if (Math.abs(ratePerPeriod) >= MAX_ABS_RATE_PER_PERIOD) {
                throw new UserInputException(here + ": rate " + ratePerPeriod + " is 100% or more per period; rates must be"
                        + " fractions (0.0001 = 0.01%), not percent: convert the column");
            }
            double perHour = ratePerPeriod / periodHours;
            if (n > 0 && tsSec <= ts[n - 1]) {
                String prev = lines ? "line " + where[n - 1] : "record " + where[n - 1];
                if (tsSec == ts[n - 1] && perHour == rate[n - 1]) {
                    duplicates++;
                    return;
                }
                if (tsSec == ts[n - 1]) {
                    throw new UserInputException(here + ": settlement " + Intervals.iso(tsSec) + " has rate " + ratePerPeriod
                            + " but " + prev + " gives it a different rate; keep the right one and delete the other");
                }
                throw new UserInputException(here + ": settlement " + Intervals.iso(tsSec) + " is earlier than " + prev
                        + " (" + Intervals.iso(ts[n - 1]) + "); sort the file by time");
            }
            if (n == ts.length) {
                ts = Arrays.copyOf(ts, n * 2); rate = Arrays.copyOf(rate, n * 2); where = Arrays.copyOf(where, n * 2);
            }
            ts[n] = tsSec; rate[n] = perHour; where[n] = lines ? line : record;
            n++;
        }
    }
}
