package msb.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import msb.core.Json;
import msb.core.Workspace;
import msb.experiment.Comparison;
import msb.experiment.PairedSkill;
import msb.experiment.RunRecords;
import msb.experiment.Trials;
import msb.signal.Skill;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code msb experiment compare RUN... [--json]}. */
@Command(name = "compare", header = "Recorded runs side by side (table, --json or --markdown).",
        mixinStandardHelpOptions = true, usageHelpWidth = 100, sortOptions = false,
        footer = {"", "Writes: nothing.",
                "Example: msb experiment compare 20261126T030255.221Z-stack 20261126T030325.018Z-gbm --markdown"},
        description = {"Recorded runs side by side: test-split metrics against the baselines, gates,",
                "predicted-direction shares, train time, walk-forward spread, and the deflated Sharpe ratio of",
                "each run. Any run id of `msb runs list` works: a run that only trained is evaluated on its",
                "test split now. The deflated Sharpe counts as trials the distinct configurations recorded for",
                "the run's symbol and timeframe (a configuration run twice counts once), whichever runs you pass.",
                "With --baseline BASE: does each run add out-of-sample skill over BASE? On the walk-forward test bars",
                "both runs scored (joined on bar close time), the direction AUC and IC of each and their difference",
                "(run minus BASE) with a 95%% paired block-bootstrap interval, pooled and per fold; outcome",
                "adds_skill / removes_skill when the AUC difference's interval lies above / below 0, else no_evidence.",
                "Both runs need `experiment run --walk-forward`."})
public final class ExperimentCompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN", description = "Run ids (`msb runs list`), earlier experiment run names, or run directories.")
    List<String> runs;

    @Option(names = "--json", description = "One JSON document on stdout: {\"runs\":[...]}.")
    boolean json;

    @Option(names = "--markdown", description = "Markdown tables (as in docs/RESULTS.md) instead of the side-by-side table.")
    boolean markdown;

    @Option(names = "--baseline", paramLabel = "BASE", description = "Compare each RUN with this run on the walk-forward bars both scored (paired).")
    String baseline;

    @Override
    public Integer call() {
        Workspace ws = Cli.workspace(spec);
        PrintWriter out = spec.commandLine().getOut();
        List<RunRecords.Loaded> loaded = new ArrayList<>();
        for (String r : runs) loaded.add(RunRecords.load(ws, r, spec.commandLine().getErr()));
        if (baseline != null) {
            RunRecords.Loaded base = RunRecords.load(ws, baseline, spec.commandLine().getErr());
            List<Map<String, Object>> rows = PairedSkill.rows(base, loaded, Skill.BootstrapOptions.DEFAULTS);
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("baseline", base.runId());
                doc.put("paired", rows);
                out.print(Json.pretty(doc));
            } else {
                out.print(PairedSkill.table(rows));
            }
            out.flush();
            return 0;
        }
        List<Map<String, Object>> rows = Comparison.rows(loaded, Trials.of(ws));
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runs", rows);
            doc.put("runs_compared", rows.size());
            out.print(Json.pretty(doc));
        } else if (markdown) {
            out.print(Comparison.markdown(rows));
        } else {
            out.print(Comparison.table(rows));
        }
        out.flush();
        return 0;
    }
}
