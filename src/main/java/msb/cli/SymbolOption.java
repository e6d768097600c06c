package msb.cli;

import msb.core.UserInputException;
import msb.core.Workspace;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --symbol SYM}, default BTC: every command that reads or writes market data, models or runner state.
 * Checked while the command line is parsed, so a bad symbol is a usage error (exit 2) before any work.
 */
public final class SymbolOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private String symbol;

    @Option(names = "--symbol", paramLabel = "SYM", defaultValue = "BTC",
            description = "Market symbol; data, datasets, models and state are kept per symbol (default: ${DEFAULT-VALUE}).")
    void symbol(String value) {
        try {
            symbol = Workspace.checkSymbol(value);
        } catch (UserInputException e) {
            throw new ParameterException(mixee.commandLine(), e.getMessage());
        }
    }

    public String value() { return symbol; }
}
