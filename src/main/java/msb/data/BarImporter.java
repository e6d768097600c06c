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

    /** The bars, the layout that was read (never AUTO) and the sha256 of the input bytes. */
    public record Result(Bars bars, ImportFormat format, String inputSha256) {}

    public static Result read(Path file, Options options) {
        return read(file.toString(), readBytes(file), options);
    }

    public static Result read(String name, byte[] bytes, Options options) {
        // the input's sha256 does not depend on the parse: on a second core it costs no wall time
        java.util.concurrent.CompletableFuture<String> sha = bytes.length < PARALLEL_SHA_MIN_BYTES
                ? java.util.concurrent.CompletableFuture.completedFuture(msb.core.Hashing.sha256(bytes))
                : java.util.concurrent.CompletableFuture.supplyAsync(() -> msb.core.Hashing.sha256(bytes));
        InputText in = InputText.of(name, bytes);
        ImportFormat format = options.format() == ImportFormat.AUTO ? sniff(in) : options.format();
        long interval = options.intervalSec();
        Bars bars = switch (format) {
            case CSV -> CsvBarParser.generic(in, options.tsIsOpen(), interval);
            case BINANCE_KLINES -> CsvBarParser.klines(in);
            case BITSTAMP_TRADES -> CsvBarParser.trades(in, interval > 0 ? interval : Options.DEFAULT_TRADE_INTERVAL_SEC);
            case COINBASE_JSON -> JsonBarParser.coinbase(in, interval);
            case BINANCE_JSON -> JsonBarParser.binance(in, interval);
            case FREQTRADE_JSON -> JsonBarParser.freqtrade(in, interval);
            case HYPERLIQUID_JSON -> JsonBarParser.hyperliquid(in, interval);
            case AUTO -> throw new IllegalStateException("sniff never answers AUTO");
        };
        return new Result(bars, format, sha.join());
    }

    static ImportFormat sniff(InputText in) {
        int first = in.firstSignificantByte();
        if (first == '{' || first == '[') return JsonBarParser.sniff(in);
        if (CsvBarParser.looksLikeTrades(in)) return ImportFormat.BITSTAMP_TRADES;
        if (CsvBarParser.looksLikeKlines(in)) return ImportFormat.BINANCE_KLINES;
        return ImportFormat.CSV;
    }

    /**
     * The file's bytes, read in 1 MiB steps into one array. Files.readAllBytes reads a large file through a
     * temporary native buffer as big as the file: a second copy that costs as much as the read itself.
     */
    static byte[] readFully(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 16) throw new UserInputException(file + " is larger than 2 GiB; split it and import the parts with --merge");
            byte[] buf = new byte[(int) size];
            int n = 0, r;
            while (n < buf.length && (r = in.read(buf, n, Math.min(1 << 20, buf.length - n))) > 0) n += r;
            byte[] rest = in.readAllBytes(); // a file that grew while being read
            if (n < buf.length) return java.util.Arrays.copyOf(buf, n);
            if (rest.length == 0) return buf;
            byte[] all = java.util.Arrays.copyOf(buf, n + rest.length);
            System.arraycopy(rest, 0, all, n, rest.length);
            return all;
        }
    }

    static byte[] readBytes(Path file) {
        try {
            if (Files.isDirectory(file)) throw new UserInputException(file + " is a directory; pass a file");
            return readFully(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + " does not exist; check the path");
        } catch (IOException e) {
            throw new UserInputException("could not read " + file + ": " + e.getMessage());
        }
    }
}
