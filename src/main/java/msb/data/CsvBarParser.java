package msb.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import msb.core.UserInputException;

/**
 * Text formats: generic CSV with a header (columns found by name), the raw 12-column Binance kline
 * layout (with or without header) and Bitstamp trades (aggregated to bars). A hand-written splitter over
 * bytes: no per-row strings on the hot path.
 */
final class CsvBarParser {
    static final List<String> TS_NAMES = List.of("timestamp", "time", "ts", "date", "datetime", "date_time",
            "open_time", "opentime", "start", "t", "unix", "time_open");
    static final List<String> OPEN_NAMES = List.of("open", "o", "open_price", "openprice");
    static final List<String> HIGH_NAMES = List.of("high", "h", "high_price", "highprice");
    static final List<String> LOW_NAMES = List.of("low", "l", "low_price", "lowprice");
    static final List<String> CLOSE_NAMES = List.of("close", "c", "close_price", "closeprice");
    static final List<String> VOLUME_NAMES = List.of("volume", "vol", "v", "base_volume", "volume_base");

    /** Binance kline column of the taker-buy base volume (0-based; the 10th field). */
    private static final int KLINE_TAKER_BUY_BASE = 9;
    /** The shortest possible rows with their newline ("1,1,1,1,1,1"; 12 kline fields): bound the rows a file can hold. */
    private static final int MIN_CSV_ROW_BYTES = 12, MIN_KLINE_ROW_BYTES = 24;

    private CsvBarParser() {}

    /** Field boundaries of one line; reused for every line. */
    static final class Fields {
        final int[] from = new int[64];
        final int[] to = new int[64];
        int count;

        /** 1-based field whose quoting is broken on the last line split (0 = none), and how. */
        int badField;
        String badQuote;

        /**
         * Splits on commas, quoting as RFC 4180 has it: a field that starts with a double quote runs to the
         * matching closing quote, commas inside it are text and a doubled quote stands for one quote. The field
         * bounds are inside the quotes (doubled quotes stay doubled: {@link #text} undoes them; in a number
         * they are an error anyway). Counts fields beyond 64 too.
         */
        void split(byte[] b, int lineFrom, int lineTo) {
            count = 0;
            badField = 0;
            int i = lineFrom;
            while (true) {
                int f = i, t;
                if (i < lineTo && b[i] == '"') {
                    f = ++i;
                    while (i < lineTo && !(b[i] == '"' && (i + 1 >= lineTo || b[i + 1] != '"'))) i += b[i] == '"' ? 2 : 1;
                    t = i;
                    if (i >= lineTo) {
                        if (badField == 0) { badField = count + 1; badQuote = "opens a quote that never closes"; }
                    } else {
                        i++; // the closing quote
                        if (i < lineTo && b[i] != ',' && badField == 0) {
                            badField = count + 1;
                            badQuote = "has text after its closing quote";
                        }
                        while (i < lineTo && b[i] != ',') i++;
                    }
                } else {
                    while (i < lineTo && b[i] != ',') i++;
                    t = i;
                }
                if (count < from.length) {
                    from[count] = f;
                    to[count] = t;
                }
                count++;
                if (i >= lineTo) return;
                i++; // the comma
            }
        }

        /** Splits the current line, refusing broken quoting with the line and field it is in. */
        void split(InputText in, InputText.Lines lines) {
            split(in.bytes, lines.from, lines.to);
            if (badField > 0) {
                throw located(in, lines.lineNo, "field " + badField + " " + badQuote
                        + "; quote a field as \"...\" and write a quote inside it as \"\"");
            }
        }

        /** The field as text, cut at 200 bytes: longer fields are never valid, and messages quote this. */
        String text(byte[] b, int k) {
            int len = to[k] - from[k];
            String t = len <= 200 ? new String(b, from[k], len, java.nio.charset.StandardCharsets.UTF_8)
                    : new String(b, from[k], 200, java.nio.charset.StandardCharsets.UTF_8) + "... (" + len + " bytes)";
            return t.replace("\"\"", "\"");
        }

        boolean allDigits(byte[] b, int k) { return Num.parseLong(b, from[k], to[k]) >= 0; }
    }

    /** Reads a number field or throws naming the line, field and fix. */
    static double number(InputText in, Fields f, int k, String field, int lineNo) {
        try {
            double v = Num.parse(in.bytes, f.from[k], f.to[k]);
            if (!Double.isFinite(v)) {
                throw located(in, lineNo, field + " is '" + f.text(in.bytes, k)
                        + "', not a finite number; drop the row or re-export");
            }
            return v;
        } catch (Num.NotANumber e) {
            String t = f.text(in.bytes, k);
            throw located(in, lineNo, t.isEmpty() ? field + " is empty; fill it in or drop the row"
                    : field + " is '" + t + "', not a number; fix the row or re-export");
        }
    }

    static long time(InputText in, TimeField tf, Fields f, int k, String field, int lineNo) {
        try {
            return tf.seconds(in.bytes, f.from[k], f.to[k]);
        } catch (TimeField.BadTime e) {
            throw located(in, lineNo, field + ": " + e.getMessage());
        }
    }

    static UserInputException located(InputText in, int lineNo, String what) {
        return new UserInputException(in.name + " line " + lineNo + ": " + what);
    }

    static void checkCount(InputText in, InputText.Lines lines, Fields f, int expected, String layout) {
        if (f.count == expected) return;
        if (lines.isLast() && in.lastLineUnterminated && f.count < expected) {
            throw located(in, lines.lineNo, "the last line is truncated (" + f.count + " of " + expected
                    + " fields, no final newline); the download was cut off: fetch or export the file again,"
                    + " or delete that line");
        }
        throw located(in, lines.lineNo, f.count + " fields where " + layout + " has " + expected
                + "; fix the row (stray or missing comma?) or re-export");
    }

    // ---- generic CSV -----------------------------------------------------------------------------

    static Bars generic(InputText in, boolean tsIsOpen, long intervalSec) {
        InputText.Lines lines = in.lines();
        lines.next();
        if (lines.isBlank()) throw located(in, 1, "blank; the first line must be the header (e.g. timestamp,open,high,low,close,volume)");
        Fields f = new Fields();
        f.split(in, lines);
        if (f.count > f.from.length) throw located(in, 1, "the header has " + f.count + " columns; at most 64 are read");
        if (f.allDigits(in.bytes, 0) || TimeField.fastIso(in.bytes, f.from[0], f.to[0]) != Long.MIN_VALUE) {
            throw located(in, 1, "no header; add a first line naming the columns, e.g. timestamp,open,high,low,close,volume");
        }
        String[] names = new String[f.count];
        for (int k = 0; k < f.count; k++) names[k] = f.text(in.bytes, k).trim().toLowerCase(Locale.ROOT);
        int cTs = column(in, names, TS_NAMES, "time"), cO = column(in, names, OPEN_NAMES, "open"),
                cH = column(in, names, HIGH_NAMES, "high"), cL = column(in, names, LOW_NAMES, "low"),
                cC = column(in, names, CLOSE_NAMES, "close"), cV = column(in, names, VOLUME_NAMES, "volume");
        Columns cols = new Columns(f.count, cTs, cO, cH, cL, cC, cV, names[cTs]);
        BarCollector.Stamp stamp = tsIsOpen ? BarCollector.Stamp.OPEN : BarCollector.Stamp.CLOSE;
        long firstRaw = firstTime(in, lines, cols);
        BarCollector out;
        if (in.pieces() > 1 && firstRaw >= 0) {
            out = genericPieces(in, cols, stamp, firstRaw);
        } else {
            out = new BarCollector(in.name, BarCollector.Locator.LINE, stamp, in.rowBound(MIN_CSV_ROW_BYTES) - 1);
            rows(in, lines, cols, new TimeField(), out);
        }
        if (out.size() == 0) throw new UserInputException(in.name + " has a header but no data rows; nothing to import");
        return out.finish(intervalSec);
    }

    /** The header's layout: its width and where the six columns are. */
    private record Columns(int count, int ts, int open, int high, int low, int close, int volume, String tsName) {}

    /** The rows of {@code lines} into {@code out}, each checked as it comes. */
    private static void rows(InputText in, InputText.Lines lines, Columns c, TimeField tf, BarCollector out) {
        Fields f = new Fields();
        while (lines.next()) {
            f.split(in, lines);
            checkCount(in, lines, f, c.count(), "the header");
            int ln = lines.lineNo;
            long ts = time(in, tf, f, c.ts(), c.tsName(), ln);
            out.add(ln, ts, number(in, f, c.open(), "open", ln), number(in, f, c.high(), "high", ln), number(in, f, c.low(), "low", ln),
                    number(in, f, c.close(), "close", ln), number(in, f, c.volume(), "volume", ln));
        }
    }

    /**
     * The first data row's time when it is a plain unix number (its magnitude fixes the file's unit), else -1.
     * Reads a copy of the cursor: {@code lines} stays on the header.
     */
    private static long firstTime(InputText in, InputText.Lines header, Columns c) {
        InputText.Lines lines = in.lines();
        lines.next();
        if (!lines.next() || lines.lineNo != header.lineNo + 1) return -1;
        Fields f = new Fields();
        f.split(in.bytes, lines.from, lines.to);
        return f.count == c.count() && f.badField == 0 ? Num.parseLong(in.bytes, f.from[c.ts()], f.to[c.ts()]) : -1;
    }

    /**
     * The rows read piece by piece on parallel threads (a 1M-row file is most of an import's time). Every piece
     * reads times in the unit the first row fixed, as one pass would; {@link BarCollector#join} then refuses
     * exactly what one pass would have refused first, with the same message.
     */
    private static BarCollector genericPieces(InputText in, Columns c, BarCollector.Stamp stamp, long firstRaw) {
        int k = in.pieces();
        int[] bases = new int[k];
        for (int p = 1; p < k; p++) bases[p] = in.pieceFirstLine[p] - 2; // line 1 is the header
        BarCollector[] pieces = BarCollector.pieces(in.name, stamp, bases, in.lineCount - 1);
        RuntimeException[] failures = new RuntimeException[k];
        List<java.util.function.Supplier<Void>> tasks = new java.util.ArrayList<>();
        for (int p = 0; p < k; p++) {
            int piece = p;
            tasks.add(() -> {
                InputText.Lines lines = in.piece(piece);
                if (piece == 0) lines.next(); // the header
                TimeField tf = new TimeField();
                tf.fixUnit(firstRaw);
                try {
                    rows(in, lines, c, tf, pieces[piece]);
                } catch (RuntimeException e) {
                    failures[piece] = e;
                }
                return null;
            });
        }
        msb.core.Parallel.all(tasks);
        return BarCollector.join(pieces, failures);
    }

    private static int column(InputText in, String[] names, List<String> accepted, String what) {
        int found = -1;
        for (int k = 0; k < names.length; k++) {
            if (accepted.contains(names[k])) {
                if (found >= 0) {
                    throw located(in, 1, "two columns (" + names[found] + ", " + names[k] + ") could be the " + what
                            + " column; rename one");
                }
                found = k;
            }
        }
        if (found < 0) {
            throw located(in, 1, "no " + what + " column in the header " + Arrays.toString(names) + "; name it one of "
                    + accepted);
        }
        return found;
    }

    /**
     * Moves {@code lines} onto the first data row: a first line whose first field is not all digits is a
     * header and is stepped over (an error when nothing follows it). Callers re-split {@code f} per row.
     */
    private static void skipHeader(InputText in, InputText.Lines lines, Fields f) {
        lines.next();
        f.split(in, lines);
        boolean header = f.count > 0 && hasLetter(in.bytes, f.from[0], f.to[0]);
        if (header && !lines.next()) {
            throw new UserInputException(in.name + " has a header but no data rows; nothing to import");
        }
    }

    /** A header names its columns; a first field without a letter ("1700000000.5") is a bad row, not a header to skip. */
    private static boolean hasLetter(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if ((b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z') return true;
        return false;
    }

    // ---- Binance klines --------------------------------------------------------------------------

    static boolean looksLikeKlines(InputText in) {
        InputText.Lines lines = in.lines();
        Fields f = new Fields();
        if (!lines.next()) return false;
        f.split(in, lines);
        if (f.count != 12) return false;
        if (!f.allDigits(in.bytes, 0)) {
            if (!lines.next()) return false;
            f.split(in, lines);
            if (f.count != 12) return false;
        }
        long open = Num.parseLong(in.bytes, f.from[0], f.to[0]);
        long close = Num.parseLong(in.bytes, f.from[6], f.to[6]);
        return open > 0 && close > open && (close + 1 - open) % 1000 == 0;
    }

    static Bars klines(InputText in) {
        InputText.Lines lines = in.lines();
        Fields f = new Fields();
        skipHeader(in, lines, f);
        String layout = "the Binance kline layout (open_time,open,high,low,close,volume,close_time,...)";
        BarCollector out = new BarCollector(in.name, BarCollector.Locator.LINE, BarCollector.Stamp.OPEN, in.rowBound(MIN_KLINE_ROW_BYTES));
        TimeField tf = new TimeField();
        long spanMs = -1;
        do {
            f.split(in, lines);
            checkCount(in, lines, f, 12, layout);
            int ln = lines.lineNo;
            long openMs = Num.parseLong(in.bytes, f.from[0], f.to[0]);
            long closeMs = Num.parseLong(in.bytes, f.from[6], f.to[6]);
            if (openMs < 0) throw located(in, ln, "open_time '" + f.text(in.bytes, 0) + "' is not a unix time in ms");
            if (closeMs < 0) throw located(in, ln, "close_time '" + f.text(in.bytes, 6) + "' is not a unix time in ms");
            long span = closeMs + 1 - openMs;
            if (spanMs < 0) {
                if (span <= 0 || span % 1000 != 0) {
                    throw located(in, ln, "close_time " + closeMs + " is not open_time + interval - 1 ms; is this a Binance kline file?");
                }
                spanMs = span;
            } else if (span != spanMs) {
                throw located(in, ln, "close_time - open_time is " + span + " ms where earlier rows have " + spanMs
                        + " ms; the file mixes intervals");
            }
            long ts;
            try {
                ts = tf.fromNumber(openMs);
            } catch (TimeField.BadTime e) {
                throw located(in, ln, "open_time: " + e.getMessage());
            }
            out.add(ln, ts, number(in, f, 1, "open", ln), number(in, f, 2, "high", ln), number(in, f, 3, "low", ln),
                    number(in, f, 4, "close", ln), number(in, f, 5, "volume", ln),
                    number(in, f, KLINE_TAKER_BUY_BASE, "taker_buy_base_volume", ln));
        } while (lines.next());
        return out.finish(spanMs / 1000);
    }

    // ---- Bitstamp trades -------------------------------------------------------------------------

    static boolean looksLikeTrades(InputText in) {
        InputText.Lines lines = in.lines();
        if (!lines.next()) return false;
        String header = lines.text().trim().toLowerCase(Locale.ROOT).replace("\"", "");
        return header.equals("timestamp,price,amount") || header.equals("time,price,amount")
                || header.equals("date,price,amount");
    }

    /**
     * Trades {@code timestamp,price,amount} (time non-decreasing) aggregated into bars of
     * {@code intervalSec}, aligned to the epoch and stamped at their close. An interval without trades is
     * a gap, never a filled bar.
     */
    static Bars trades(InputText in, long intervalSec) {
        InputText.Lines lines = in.lines();
        Fields f = new Fields();
        skipHeader(in, lines, f);
        TradeBars bars = new TradeBars(intervalSec);
        TimeField tf = new TimeField();
        long prevTs = Long.MIN_VALUE;
        int prevLine = 0;
        do {
            f.split(in, lines);
            checkCount(in, lines, f, 3, "the trade layout (timestamp,price,amount)");
            int ln = lines.lineNo;
            long ts = time(in, tf, f, 0, "timestamp", ln);
            double price = number(in, f, 1, "price", ln);
            double amount = number(in, f, 2, "amount", ln);
            if (!(price > 0)) throw located(in, ln, "price is " + price + "; prices must be > 0: drop the trade");
            if (price < BarCollector.MIN_PRICE || price > BarCollector.MAX_PRICE) {
                throw located(in, ln, "price " + price + " is outside the plausible range [" + BarCollector.MIN_PRICE + ", "
                        + BarCollector.MAX_PRICE + "]; fix the trade");
            }
            if (amount > BarCollector.MAX_VOLUME) throw located(in, ln, "amount " + amount + " is not a plausible amount; fix the trade");
            if (amount < 0) throw located(in, ln, "amount is " + amount + "; amounts must be >= 0: drop the trade");
            if (ts < prevTs) {
                throw located(in, ln, "time " + Intervals.iso(ts) + " is earlier than line " + prevLine + " ("
                        + Intervals.iso(prevTs) + "); sort the trades by time");
            }
            prevTs = ts;
            prevLine = ln;
            bars.add(ts, price, amount);
        } while (lines.next());
        return bars.bars();
    }

    /** Running aggregation of time-ordered trades into epoch-aligned bars. */
    static final class TradeBars {
        private final long intervalSec;
        private final BarsBuilder out = new BarsBuilder();
        private long bucket = Long.MIN_VALUE;
        private double o, h, l, c, v;

        TradeBars(long intervalSec) { this.intervalSec = intervalSec; }

        void add(long ts, double price, double amount) {
            long b = Math.floorDiv(ts, intervalSec);
            if (b != bucket) {
                flush();
                bucket = b;
                o = h = l = price;
                v = 0;
            }
            if (price > h) h = price;
            if (price < l) l = price;
            c = price;
            v += amount;
        }

        private void flush() {
            if (bucket != Long.MIN_VALUE) out.add((bucket + 1) * intervalSec, o, h, l, c, v);
        }

        Bars bars() {
            flush();
            bucket = Long.MIN_VALUE;
            return out.build(intervalSec);
        }
    }
}
