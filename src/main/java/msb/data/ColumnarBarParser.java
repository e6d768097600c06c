package msb.data;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import msb.core.FeatherFiles;
import msb.core.ParquetFiles;
import msb.core.Table;
import msb.core.UserInputException;

/**
 * Bar files in column formats: freqtrade's feather files (an Arrow IPC file with date, open, high, low,
 * close, volume; date = candle open, a UTC timestamp) and Parquet files with the same columns (the names the
 * generic CSV accepts). Times are bar open times, as freqtrade stores them; a time column of plain integers is
 * read as unix seconds or milliseconds, like a CSV's. Rows are named "record N" in messages.
 */
final class ColumnarBarParser {
    private ColumnarBarParser() {}

    static Bars feather(String name, byte[] bytes, long intervalSec) {
        return bars(name, FeatherFiles.read(name, bytes, null), intervalSec);
    }

    static Bars parquet(String name, byte[] bytes, long intervalSec) {
        return bars(name, ParquetFiles.read(name, bytes, null), intervalSec);
    }

    static Bars bars(String name, Table t, long intervalSec) {
        if (t.rows() == 0) throw new UserInputException(name + " has no rows; nothing to import");
        Table.Column time = column(name, t, CsvBarParser.TS_NAMES, "time");
        double[] o = numbers(name, column(name, t, CsvBarParser.OPEN_NAMES, "open")),
                h = numbers(name, column(name, t, CsvBarParser.HIGH_NAMES, "high")),
                l = numbers(name, column(name, t, CsvBarParser.LOW_NAMES, "low")),
                c = numbers(name, column(name, t, CsvBarParser.CLOSE_NAMES, "close")),
                v = numbers(name, column(name, t, CsvBarParser.VOLUME_NAMES, "volume"));
        BarCollector out = new BarCollector(name, BarCollector.Locator.RECORD, BarCollector.Stamp.OPEN, t.rows());
        TimeField tf = new TimeField();
        for (int i = 0; i < t.rows(); i++) {
            int record = i + 1;
            long ts;
            try {
                ts = switch (time) {
                    case Table.Times x -> {
                        if (x.epochMs()[i] % 1000 != 0) {
                            throw new TimeField.BadTime(java.time.Instant.ofEpochMilli(x.epochMs()[i])
                                    + " has a fraction of a second; bars must start on whole seconds");
                        }
                        yield tf.fromNumber(x.epochMs()[i]);
                    }
                    case Table.Longs x -> tf.fromNumber(x.values()[i]);
                    default -> throw new UserInputException(name + ": the time column " + time.name()
                            + " holds " + kind(time) + "; store it as a timestamp or as unix seconds/milliseconds");
                };
            } catch (TimeField.BadTime e) {
                throw out.error(0, record, time.name() + ": " + e.getMessage());
            }
            out.add(0, ts, o[i], h[i], l[i], c[i], v[i]);
        }
        return out.finish(intervalSec);
    }

    private static Table.Column column(String name, Table t, List<String> accepted, String what) {
        Table.Column found = null;
        for (Table.Column c : t.columns()) {
            if (!accepted.contains(c.name().toLowerCase(java.util.Locale.ROOT))) continue;
            if (found != null) {
                throw new UserInputException(name + ": two columns (" + found.name() + ", " + c.name() + ") could be the "
                        + what + " column; rename one");
            }
            found = c;
        }
        if (found == null) {
            throw new UserInputException(name + ": no " + what + " column among " + new TreeSet<>(t.names())
                    + "; name it one of " + accepted);
        }
        return found;
    }

    private static double[] numbers(String name, Table.Column c) {
        return switch (c) {
            case Table.Doubles d -> d.values();
            case Table.Longs l -> {
                double[] out = new double[l.size()];
                for (int i = 0; i < out.length; i++) out[i] = l.values()[i];
                yield out;
            }
            default -> throw new UserInputException(name + ": column " + c.name() + " holds " + kind(c)
                    + ", not numbers; store it as a float or integer column");
        };
    }

    private static String kind(Table.Column c) {
        return switch (c) {
            case Table.Times x -> "timestamps";
            case Table.Longs x -> "integers";
            case Table.Doubles x -> "floats";
            case Table.Strings x -> "text";
        };
    }

}
