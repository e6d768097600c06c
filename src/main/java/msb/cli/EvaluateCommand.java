package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import msb.core.CheckFailedException;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.evaluate.ArtifactEvaluation;
import msb.evaluate.ArtifactSelection;
import msb.evaluate.EvalRange;
import msb.evaluate.EvaluationReport;
import msb.evaluate.EvaluationRun;
import msb.evaluate.EvaluationTable;
import msb.evaluate.ReportWriter;
import msb.trading.StrategyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb evaluate}: metrics, baselines, decision funnel and the directional-balance check. */
@Command(name = "evaluate", header = "Score trained models: metrics, baselines, decision funnel, directional balance.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scores trained models on their untouched test split: classification and signal metrics,",
                "baselines on the same rows, the live decision logic replayed (funnel per direction and a",
                "cost-aware trading simulation), and every verdict on the test rows: direction_skill, two_sided,",
                "inert, one_sided, calibration, lift, no_oos_skill, and blocked_direction from the replay.",
                "",
                "--tf takes the promoted run of each timeframe and the newest run of every other model kind",
                "(rejected ones included); --artifact takes any run directory, evaluated for the symbol it was",
                "trained on unless --symbol is given.",
                "A pooled artifact (train --symbols) is evaluated on each of its symbols' test rows, or only on",
                "--symbol's when given (a symbol it was not trained on: exit 2)."},
        footer = {"", "Exit codes: 0 ok; 2 bad input (no runs, dataset missing, schema mismatch); 3 with",
                "--check-directional-balance when any evaluated artifact fails a verdict; 1 unexpected.", "Writes: nothing unless --report DIR (relative DIR is under --home).", "Example: msb evaluate --tf all --check-directional-balance --report reports/latest"})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--tf", paramLabel = "TF|all", description = "Timeframe (5m, 1h, 12h, 24h) or all: every timeframe that has runs.")
    TfChoice tf;

    @Option(names = "--artifact", paramLabel = "DIR", description = "A run directory to evaluate (repeatable).")
    List<Path> artifacts = new ArrayList<>();

    @Option(names = "--check-directional-balance", description = "Exit 3 when any evaluated artifact fails a verdict (one-sided, inert, no skill, blocked direction, ...).")
    boolean check;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.md, report.json and PNG charts into DIR.")
    Path reportDir;

    @Option(names = "--feature-draws", paramLabel = "N", defaultValue = "200",
            description = "With --report: bootstrap draws of each interval of the report's features section (per feature IC and"
                    + " direction AUC on TRAIN and VAL, permutation importance, clusters; as `msb features report`); 0 leaves"
                    + " the section out (default: ${DEFAULT-VALUE}).")
    int featureDraws;

    @Mixin
    JsonOption json;

    @Mixin
    SymbolOption symbol;

    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (JSON or YAML) over each timeframe's live defaults, for the replay.")
    Path config;

    @Option(names = "--from", paramLabel = "TS", description = "Evaluate on the stored bars closing at or after TS (unix s or ISO-8601) instead of the test split.")
    String fromTs;

    @Option(names = "--to", paramLabel = "TS", description = "... and at or before TS (a date alone: through its last second). Bars the artifact was fitted or validated on are refused (exit 2).")
    String toTs;

    @Override
    public Integer call() {
        if (tf == null && artifacts.isEmpty()) {
            throw new UserInputException("evaluate needs --tf TF|all or --artifact DIR; e.g. msb evaluate --tf 24h");
        }
        Path reportOut = reportDir == null ? null : Cli.outputDir(Cli.workspace(spec), reportDir, "--report");
        Workspace ws = Cli.workspace(spec);
        if (config != null) StrategyConfig.load(config, Timeframe.H24); // a bad --config exits 2 before any artifact is scored
        PrintWriter err = spec.commandLine().getErr();
        List<Path> runs = new ArrayList<>();
        List<String> skippedTfs = new ArrayList<>();
        if (tf != null) selectRuns(ws, err, runs, skippedTfs);
        for (Path a : artifacts) runs.add(a.toAbsolutePath().normalize());
        List<Path> unique = List.copyOf(new LinkedHashSet<>(runs));

        var run = new EvaluationRun(ws, symbolFor(unique), t -> config == null ? StrategyConfig.defaults(t) : StrategyConfig.load(config, t),
                err, EvalRange.of(fromTs, toTs)).withSymbolGiven(spec.commandLine().getParseResult().hasMatchedOption("--symbol"))
                .withFeatureReports(reportDir == null ? 0 : featureDraws);
        List<ArtifactEvaluation> evals = run.evaluate(unique);
        EvaluationReport report = new EvaluationReport(evals, skippedTfs, run.trades(), run.featureReports());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json.on() ? Json.pretty(report) : EvaluationTable.render(evals));
        out.flush();
        if (reportDir != null) {
            Path dir = reportOut;
            ReportWriter.write(report, dir, "msb " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            err.println("report written to " + dir.resolve("report.md"));
            err.flush();
        }
        if (check && report.anyFlagged()) {
            List<String> reasons = evals.stream().filter(ArtifactEvaluation::flagged)
                    .flatMap(e -> e.verdicts().stream().filter(v -> !v.passed())
                            .map(v -> e.tf() + " " + e.model() + " " + v.name() + ": " + v.detail())).toList();
            throw new CheckFailedException("verdicts failed for "
                    + evals.stream().filter(ArtifactEvaluation::flagged).count() + " of " + evals.size() + " artifacts", reasons);
        }
        return 0;
    }

    /**
     * --symbol when given (or with --tf); otherwise, for --artifact alone, the symbol the artifacts were
     * trained on (they must agree: one evaluation reads one symbol's datasets).
     */
    private String symbolFor(List<Path> runDirs) {
        if (tf != null || spec.commandLine().getParseResult().hasMatchedOption("--symbol")) return symbol.value();
        java.util.Set<String> symbols = new java.util.TreeSet<>();
        for (Path run : runDirs) symbols.add(msb.model.ArtifactStore.verifiedManifest(run).symbol());
        if (symbols.size() > 1) {
            throw new UserInputException("the --artifact runs are for " + String.join(", ", symbols)
                    + "; evaluate one symbol at a time (or pass --symbol SYM to evaluate them all as one)");
        }
        return symbols.iterator().next();
    }

    private void selectRuns(Workspace ws, PrintWriter err, List<Path> runs, List<String> skippedTfs) {
        List<Timeframe> tfs = tf.timeframes();
        for (Timeframe t : tfs) {
            if (!ArtifactSelection.hasRuns(ws, symbol.value(), t)) {
                skippedTfs.add(t.label());
                continue;
            }
            ArtifactSelection.Selection s = ArtifactSelection.forTimeframe(ws, symbol.value(), t);
            s.skipped().forEach(msg -> err.println("skipped " + msg));
            runs.addAll(s.runDirs());
        }
        if (!skippedTfs.isEmpty() && tfs.size() > 1) {
            err.println("no runs for " + String.join(", ", skippedTfs) + " under " + ws.home().resolve("models").resolve(symbol.value())
                    + " (train them with msb train --tf TF)");
        }
        if (runs.isEmpty()) {
            throw new UserInputException("no trained runs for " + symbol.value() + " " + (tfs.size() > 1 ? "at any timeframe" : tfs.getFirst().label())
                    + " under " + ws.home().resolve("models").resolve(symbol.value()) + "; train one first: msb train --tf "
                    + (tfs.size() > 1 ? "24h" : tfs.getFirst().label()));
        }
        err.flush();
    }
}
