package msb.core;

import java.nio.file.Path;

/**
 * Where msb reads and writes: every path is under {@code home} (the --home option, default the current
 * directory). One place decides the layout so that no command invents its own.
 */
public record Workspace(Path home) {
    public Workspace {
        home = home.toAbsolutePath().normalize();
    }

    public static Workspace at(Path home) { return new Workspace(home); }

    /**
     * How a path is recorded in files msb keeps (runner state): relative to the home when it lies under it,
     * so that a copied or moved home refers to its own files, never to the original's; absolute otherwise.
     */
    public String recorded(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) && !abs.equals(home) ? home.relativize(abs).toString() : abs.toString();
    }

    /** The path a {@link #recorded} string names (a relative one is under the home). */
    public Path resolveRecorded(String recorded) {
        Path p = Path.of(recorded);
        return p.isAbsolute() ? p.normalize() : home.resolve(p).normalize();
    }

    private static final java.util.regex.Pattern SYMBOL = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    /**
     * A symbol becomes a directory name under every tree msb writes, so it is checked here, once for all
     * commands: letters, digits, '_' and '-' only (no path separators, no "..").
     */
    public static String checkSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new UserInputException("--symbol '" + symbol + "' is not a symbol; use letters, digits, '_' or '-' (e.g. BTC)");
        }
        return symbol;
    }

    /** Canonical imported bars and funding of a symbol: datasets/raw/SYMBOL. */
    public Path rawDir(String symbol) { return home.resolve("datasets").resolve("raw").resolve(checkSymbol(symbol)); }

    /** A built dataset: datasets/SYMBOL/TF. */
    public Path datasetDir(String symbol, Timeframe tf) {
        return home.resolve("datasets").resolve(checkSymbol(symbol)).resolve(tf.label());
    }

    /** Training runs of a timeframe, each in its own run directory, plus LATEST.json: models/SYMBOL/TF. */
    public Path modelsDir(String symbol, Timeframe tf) {
        return home.resolve("models").resolve(checkSymbol(symbol)).resolve(tf.label());
    }

    /** Default state directory of a live runner: state/SYMBOL/TF. */
    public Path stateDir(String symbol, Timeframe tf) {
        return home.resolve("state").resolve(checkSymbol(symbol)).resolve(tf.label());
    }

    public Path stateRoot() { return home.resolve("state"); }

    /** Records of training and experiment runs: experiments/runs. */
    public Path runsDir() { return home.resolve("experiments").resolve("runs"); }

    public Path reportsDir() { return home.resolve("reports"); }
}
