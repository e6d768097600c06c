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
