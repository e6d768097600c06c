package msb.cli;

import picocli.CommandLine.Option;

/** {@code --symbol SYM}, default BTC: every command that reads or writes market data, models or runner state. */
public final class SymbolOption {
    @Option(names = "--symbol", paramLabel = "SYM", defaultValue = "BTC",
            description = "Market symbol; data, datasets, models and state are kept per symbol (default: ${DEFAULT-VALUE}).")
    String symbol;

    /** The symbol as given (checked by {@code Workspace} when it builds a path). */
    public String value() { return symbol; }
}
