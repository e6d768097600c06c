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
    private static final int PARALLEL_SHA_MIN_BYTES = 1 << 20;

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
        msb.core.Hashing.prepareInBackground(); // while the file is read
        return read(file.toString(), readBytes(file), options);
    }

    public static Result read(String name, byte[] bytes, Options options) {
        // the input's sha256 does not depend on the parse: on a second core it costs no wall time
        java.util.concurrent.CompletableFuture<String> sha = bytes.length < PARALLEL_SHA_MIN_BYTES
                ? java.util.concurrent.CompletableFuture.completedFuture(msb.core.Hashing.sha256(bytes))
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> msb.core.Hashing.sha256(bytes));
        long interval = options.intervalSec();
        // the column formats are binary: recognised by their magic bytes before any text check
        ImportFormat binary = msb.core.FeatherFiles.looksLikeFeather(bytes) ? ImportFormat.FEATHER
                : msb.core.ParquetFiles.looksLikeParquet(bytes) ? ImportFormat.PARQUET : null;
        ImportFormat asked = options.format();
        if (asked == ImportFormat.FEATHER || asked == ImportFormat.PARQUET || asked == ImportFormat.AUTO && binary != null) {
            if (binary != (asked == ImportFormat.AUTO ? binary : asked)) {
                throw new UserInputException(name + " is not a " + asked.cliName() + " file (" + (binary == null
                        ? "it does not start with the format's magic bytes" : "it is " + binary.cliName())
                        + "); pass the right --format or leave it at auto");
            }
            Bars bars = binary == ImportFormat.FEATHER ? ColumnarBarParser.feather(name, bytes, interval)
                    : ColumnarBarParser.parquet(name, bytes, interval);
            return new Result(bars, binary, sha.join(), null);
        }
        InputText in = InputText.of(name, bytes);
        ImportFormat format = asked == ImportFormat.AUTO ? sniff(in) : asked;
        String[] symbol = {null};
        Bars bars = switch (format) {
            case CSV -> CsvBarParser.generic(in, options.tsIsOpen(), interval);
            case BINANCE_KLINES -> CsvBarParser.klines(in);
            case BITSTAMP_TRADES -> CsvBarParser.trades(in, interval > 0 ? interval : Options.DEFAULT_TRADE_INTERVAL_SEC);
            case COINBASE_JSON -> JsonBarParser.coinbase(in, interval);
            case BINANCE_JSON -> JsonBarParser.binance(in, interval, symbol);
            case FREQTRADE_JSON -> JsonBarParser.freqtrade(in, interval);
            case HYPERLIQUID_JSON -> JsonBarParser.hyperliquid(in, interval, symbol);
            case AUTO, FEATHER, PARQUET -> throw new IllegalStateException("sniff never answers " + format);
        };
        return new Result(bars, format, sha.join(), symbol[0]);
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
    private static final int READ_STEP_BYTES = 1 << 20;

    /** The bytes of an input file; refused (exit 2) when missing, unreadable, binary at its head or too large. */
    public static byte[] readInput(Path file) { return readBytes(file); }

    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) throw new UserInputException(file + " is a directory; pass a file");
            long size = Files.size(file);
            if (size > MAX_INPUT_BYTES) throw tooLarge(file, size);
            return readFully(file, (int) size);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist; check the path");
        } catch (IOException e) {
            throw new UserInputException("could not read " + file + ": " + msb.core.IoProblem.why(e) + "; check the path and its permissions");
        }
    }

    /** Refuses a file over {@link #MAX_INPUT_BYTES}; a binary head is named first (a sparse or binary file). */
    private static UserInputException tooLarge(Path file, long size) throws IOException {
        byte[] head = new byte[SNIFF_BYTES];
        int n;
        try (var in = Files.newInputStream(file)) { n = in.readNBytes(head, 0, head.length); }
        InputText.checkText(file.toString(), head, n);
        return new UserInputException(file + " has " + size / (1 << 20) + " MiB; msb imports files of up to "
                + MAX_INPUT_BYTES / (1 << 20) + " MiB at once: split it by time and import the parts with --merge");
    }

    /**
     * The file's bytes, read in 1 MiB steps into one array of the size it had. Files.readAllBytes reads a
     * large file through a temporary native buffer as big as the file: a second copy that costs as much as
     * the read itself. A file that grew while being read is read on, but never past the cap.
     */
    private static byte[] readFully(Path file, int size) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[size];
            int n = 0, r;
            while (n < buf.length && (r = in.read(buf, n, Math.min(READ_STEP_BYTES, buf.length - n))) > 0) n += r;
            if (n < buf.length) return java.util.Arrays.copyOf(buf, n);
            byte[] rest = in.readNBytes((int) (MAX_INPUT_BYTES - n + 1));
            if (rest.length == 0) return buf;
            if (n + (long) rest.length > MAX_INPUT_BYTES) throw tooLarge(file, n + (long) rest.length);
            byte[] all = java.util.Arrays.copyOf(buf, n + rest.length);
            System.arraycopy(rest, 0, all, n, rest.length);
            return all;
        }
    }
}
