package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.evaluate.FeatureReport;
import msb.evaluate.FeatureReportWriter;
import msb.model.Hyperparameters;
import msb.signal.Skill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code msb features report --tf TF}: which feature columns carry information about the label (issue 13). */
@Command(name = "report", header = "Per-feature direction AUC and IC with intervals, permutation importance, clusters.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scores every feature column of the timeframe's dataset as a signal on its own, on TRAIN and on VAL",
                "rows: direction AUC (UP vs DOWN rows by the feature's value) and IC (Spearman with the forward",
                "return), each with a 95%% block-bootstrap interval. An AUC below 0.5 is information too (inverse):",
                "features are sorted by VAL |AUC - 0.5|, and one whose VAL interval excludes 0.5 carries information.",
                "Permutation importance: a logistic regression fitted on TRAIN rows, each VAL column shuffled",
                "(seeded) in turn; the drop in VAL direction AUC of s_model and the rise in log loss.",
                "Clusters: single-linkage groups of features with |Spearman| >= 0.8 on TRAIN rows.",
                "Builds the dataset first when it is missing (like train). TEST rows are never read."},
        footer = {"", "Exit codes: 0 ok; 2 bad input (no bars, --out outside --home); 1 unexpected.",
                "Writes: report.md, report.json and " + FeatureReportWriter.CHART + " into --out DIR (relative DIR is under --home);",
                "datasets/<SYMBOL>/<tf>/ when the dataset was missing.",
                "Example: msb features report --tf 1h --out reports/features-1h"})
public final class FeaturesReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--tf", required = true, paramLabel = "TF", description = "5m, 1h, 12h, 24h or any timeframe built (15m, 4h, ...)")
    Timeframe tf;

    @Mixin
    SymbolOption symbol;

    @Mixin
    JsonOption json;

    @Option(names = "--out", paramLabel = "DIR", description = "Write report.md, report.json and the PNG chart into DIR.")
    Path outDir;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        Path dir = outDir == null ? null : Cli.outputDir(ws, outDir, "--out"); // refused before any work
        Dataset ds = DatasetBuilder.loadOrBuild(ws, symbol.value(), tf, DatasetBuilder.Options.DEFAULT, Cli.err(spec));
        int horizonBars = DatasetStore.manifest(ws, symbol.value(), tf).label().horizonBars();
        FeatureReport.Report r = FeatureReport.of(ds, horizonBars, Hyperparameters.defaults(tf),
                Skill.BootstrapOptions.DEFAULTS, Skill.BootstrapOptions.DEFAULTS.seed());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json.on() ? Json.pretty(r) : FeatureReportWriter.table(r));
        out.flush();
        if (dir != null) {
            FeatureReportWriter.write(r, dir, "msb " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
            PrintWriter err = spec.commandLine().getErr();
            err.println("report written to " + dir.resolve("report.md"));
            err.flush();
        }
        return 0;
    }
}
