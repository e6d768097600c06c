package msb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.experiment.Experiment;
import msb.experiment.ExperimentFile;
import msb.experiment.ExperimentRunner;
import msb.experiment.RunOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msb experiment run FILE [--walk-forward] [--quiet] [--json]}. */
@Command(name = "run", header = "Import, build, train, evaluate (and walk forward) one experiment spec; record the run.",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        footer = {"", "Exit codes: 0 promoted and not flagged; 2 bad spec or input (names file, field and fix); 3 a gate",
                "refused promotion or the directional-balance check flagged the model; 1 unexpected.",
                "Writes: experiments/runs/<run-id>/ (record.json, spec.yaml, returns.json, report/) under --home, and",
                "what it runs writes: datasets/raw/<SYMBOL>/ (first import of the spec's file), datasets/<SYMBOL>/<tf>/,",
                "models/<SYMBOL>/<tf>/<run-id>/ (LATEST.json only on promotion).",
                "Example: msb experiment run experiments/24h.yaml --walk-forward"},
        description = {"Import the spec's data (when not stored yet), build the dataset, train (promoting only when every",
                "gate passes), evaluate with a report, optionally walk forward; record everything in",
                "<home>/experiments/runs/<run-id>/. The last stdout line is the run directory (unless --json).",
                "Exit 3 when a gate refused promotion or the directional-balance check flagged the model",
                "(the record and report are written all the same)."})
public final class ExperimentRunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Experiment spec, e.g. experiments/24h.yaml.")
    Path file;

    @Option(names = "--walk-forward", description = "Also run the spec's walk-forward evaluation (re-fit every K bars).")
    boolean walkForward;

    @Option(names = "--model", paramLabel = "KIND",
            description = "Train this model kind instead of the spec's (any `train --model` value); recorded in the run.")
    String model;

    @Option(names = "--quiet", description = "No progress bars.")
    boolean quiet;

    @Option(names = "--json", description = "Print the run record as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Experiment e = ExperimentFile.read(file);
        if (model != null) e = ExperimentFile.withModel(e, model);
        RunOutcome r = new ExperimentRunner(Cli.workspace(spec), Clock.systemUTC(), Cli.err(spec))
                .run(e, new ExperimentRunner.Options(walkForward, quiet), "msb "
                        + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!r.problems().isEmpty()) {
            err.println("msb: experiment " + e.name() + " recorded, but:");
            for (String p : r.problems()) err.println("  - " + p);
            err.flush();
        }
        if (json) {
            out.print(Json.pretty(r.record()));
        } else {
            out.println(summary(r));
            out.println(r.runDir());
        }
        out.flush();
        return r.exitCode();
    }

    @SuppressWarnings("unchecked")
    private static String summary(RunOutcome r) {
        var rec = r.record();
        var art = (java.util.Map<String, Object>) rec.get("artifact");
        var ev = (java.util.Map<String, Object>) rec.get("evaluation");
        StringBuilder b = new StringBuilder();
        b.append("experiment ").append(rec.get("name")).append(": artifact ").append(art.get("dir"))
                .append(Boolean.TRUE.equals(art.get("promoted")) ? " (promoted)"
                        : " (not promoted: " + String.join(", ", (java.util.List<String>) art.get("failed_gates")) + ")");
        if (ev != null) {
            var m = (msb.evaluate.EvaluationMetrics) ev.get("metrics");
            b.append(System.lineSeparator()).append(String.format(java.util.Locale.ROOT,
                    "test: balanced accuracy %s, log loss %s, net Sharpe %s, PSR %s; report %s",
                    f(m.balancedAccuracy()), f(m.logLoss()), f(m.sharpeNet()), f(m.psr()), rec.get("report_dir")));
        }
        var wf = (java.util.Map<String, Object>) rec.get("walk_forward");
        if (wf != null) {
            var s = (java.util.Map<String, Object>) wf.get("summary");
            b.append(System.lineSeparator()).append(String.format(java.util.Locale.ROOT,
                    "walk-forward: %s folds, balanced accuracy %s +- %s, log loss %s +- %s, net Sharpe %s +- %s (pooled %s, PSR %s)",
                    s.get("folds"), f(s.get("balanced_accuracy_mean")), f(s.get("balanced_accuracy_std")), f(s.get("log_loss_mean")),
                    f(s.get("log_loss_std")), f(s.get("sharpe_net_mean")), f(s.get("sharpe_net_std")), f(s.get("sharpe_net_pooled")),
                    f(s.get("psr_pooled"))));
        }
        return b.toString();
    }

    private static String f(Object o) {
        return o instanceof Number n ? String.format(java.util.Locale.ROOT, "%.4f", n.doubleValue()) : "-";
    }
}
