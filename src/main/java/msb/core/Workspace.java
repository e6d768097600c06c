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

    /** Canonical imported bars and funding of a symbol: datasets/raw/SYMBOL. */
    public Path rawDir(String symbol) { return home.resolve("datasets").resolve("raw").resolve(symbol); }

    /** A built dataset: datasets/SYMBOL/TF. */
    public Path datasetDir(String symbol, Timeframe tf) {
        return home.resolve("datasets").resolve(symbol).resolve(tf.label());
    }

    /** Training runs of a timeframe, each in its own run directory, plus LATEST.json: models/SYMBOL/TF. */
    public Path modelsDir(String symbol, Timeframe tf) {
        return home.resolve("models").resolve(symbol).resolve(tf.label());
    }

    /** Default state directory of a live runner: state/SYMBOL/TF. */
    public Path stateDir(String symbol, Timeframe tf) {
        return home.resolve("state").resolve(symbol).resolve(tf.label());
    }

    public Path stateRoot() { return home.resolve("state"); }

    /** Records of training and experiment runs: experiments/runs. */
    public Path runsDir() { return home.resolve("experiments").resolve("runs"); }

    public Path reportsDir() { return home.resolve("reports"); }
}
