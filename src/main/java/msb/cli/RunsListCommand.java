package msb.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.experiment.RunIndex;
import msb.experiment.RunTable;
import msb.model.ModelKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb runs list [--tf TF] [--model M] [--symbol SYM] [--promoted] [--json]}. */
@Command(name = "list", header = "List recorded runs, oldest first.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        description = {"One line per run: run id, timeframe, symbol, model, data source and bar range, whether it",
                "was promoted (LATEST: the timeframe's current promoted run), the gates it failed, kind",
                "(train or experiment) and creation time (UTC)."},
        footer = {"", "Writes: nothing.", "Example: msb runs list --tf 24h --model stack"})
public final class RunsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", paramLabel = "TF", description = "Only this timeframe.")
    Timeframe tf;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model kind (stack, gbm, rf, logreg, lstm, always-up, ...).")
    ModelKind model;

    @Option(names = "--symbol", paramLabel = "SYM", description = "Only this symbol (default: every symbol).")
    String symbol;

    @Option(names = "--promoted", description = "Only runs that were promoted.")
    boolean promoted;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        List<RunIndex.Entry> runs = RunIndex.list(ws).stream()
                .filter(e -> tf == null || tf.label().equals(e.run().tf()))
                .filter(e -> model == null || model.id().equals(e.run().model()))
                .filter(e -> symbol == null || symbol.equalsIgnoreCase(e.run().symbol()))
                .filter(e -> !promoted || e.run().promoted())
                .toList();
        List<RunTable.Row> rows = RunTable.rows(ws, runs);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.print(Json.pretty(java.util.Map.of("runs", rows)));
        } else if (rows.isEmpty()) {
            out.println("no runs recorded under " + ws.runsDir() + (tf != null || model != null || symbol != null || promoted
                    ? " match the filters" : "; `msb train --tf 24h` or `msb experiment run experiments/24h.yaml` records one"));
        } else {
            out.print(RunTable.text(rows));
        }
        out.flush();
        return 0;
    }
}
