package msb.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import msb.core.UserInputException;

/**
 * Reads one bar file in any supported layout, validates every row and returns close-stamped bars.
 * Nothing here writes: a refusal (a {@link UserInputException} naming file, line and fix) leaves no trace.
 */
public final class BarImporter {
    private BarImporter() {}

    /**
     * @param format the layout, or AUTO to recognise it
     * @param tsIsOpen generic CSV only: times are bar open times (the default) rather than close times
     * @param intervalSec bar length; 0 = infer the most common step (bitstamp-trades needs it: default 5m)
     */
    public record Options(ImportFormat format, boolean tsIsOpen, long intervalSec) {
        public static final long DEFAULT_TRADE_INTERVAL_SEC = 300;

        public Options {
            if (format == null) throw new IllegalArgumentException("format is required (AUTO to detect)");
            if (intervalSec < 0) throw new IllegalArgumentException("intervalSec must be >= 0, got " + intervalSec);
        }

        public static Options auto() { return new Options(ImportFormat.AUTO, true, 0); }
    }

    /**
     * The bars, the layout that was read (never AUTO), the sha256 of the input bytes and the market the
     * data names itself (Binance's "name", Hyperliquid's "s"; null when the layout names none).
     */
    public record Result(Bars bars, ImportFormat format, String inputSha256, String symbolInData) {}

    public static Result read(Path file, Options options) {
        return read(file.toString(), readBytes(file), options);
    }

    public static Result read(String name, byte[] bytes, Options options) {
        InputText in = InputText.of(name, bytes);
        ImportFormat format = options.format() == ImportFormat.AUTO ? sniff(in) : options.format();
        long interval = options.intervalSec();
        String[] symbol = {null};
        Bars bars = switch (format) {
            case CSV -> CsvBarParser.generic(in, options.tsIsOpen(), interval);
            case BINANCE_KLINES -> CsvBarParser.klines(in);
            case BITSTAMP_TRADES -> CsvBarParser.trades(in, interval > 0 ? interval : Options.DEFAULT_TRADE_INTERVAL_SEC);
            case COINBASE_JSON -> JsonBarParser.coinbase(in, interval);
            case BINANCE_JSON -> JsonBarParser.binance(in, interval, symbol);
            case FREQTRADE_JSON -> JsonBarParser.freqtrade(in, interval);
            case HYPERLIQUID_JSON -> JsonBarParser.hyperliquid(in, interval, symbol);
            case AUTO -> throw new IllegalStateException("sniff never answers AUTO");
        };
        return new Result(bars, format, msb.core.Hashing.sha256(bytes), symbol[0]);
    }

    static ImportFormat sniff(InputText in) {
        int first = in.firstSignificantByte();
        if (first == '{' || first == '[') return JsonBarParser.sniff(in);
        if (CsvBarParser.looksLikeTrades(in)) return ImportFormat.BITSTAMP_TRADES;
        if (CsvBarParser.looksLikeKlines(in)) return ImportFormat.BINANCE_KLINES;
        return ImportFormat.CSV;
    }

    /**
     * The most bytes one input file may have: it is parsed in memory, and the bars take about as much again.
     * 1 GiB (some 14 million 1-minute bars) or a third of the heap, whichever is less.
     */
    static final long MAX_INPUT_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 3);
    /** The head of a file checked for binary content before the size: a sparse or binary file says so at once. */
    private static final int SNIFF_BYTES = 64 * 1024;

    /** The bytes of an input file; refused (exit 2) when missing, unreadable, binary at its head or too large. */
    public static byte[] readInput(Path file) { return readBytes(file); }

    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) throw new UserInputException(file + " is a directory; pass a file");
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) {
                byte[] head = new byte[SNIFF_BYTES];
                int n;
                try (var in = Files.newInputStream(file)) { n = in.readNBytes(head, 0, head.length); }
                InputText.checkText(file.toString(), head, n);
                throw new UserInputException(file + " has " + size / (1 << 20) + " MiB; msb imports files of up to "
                        + MAX_INPUT_BYTES / (1 << 20) + " MiB at once: split it by time and import the parts with --merge");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist; check the path");
        } catch (IOException e) {
            throw new UserInputException("could not read " + file + ": " + msb.core.IoProblem.why(e) + "; check the path and its permissions");
        }
    }
}
