package msb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import msb.core.ConfigMapper;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.decision.DecisionGate;
import msb.decision.GateConfig;
import msb.decision.GateDecision;
import msb.trading.StrategyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code msb decide}: the gate decision of SPEC section 7 as a filter, JSON lines in, one compact line out
 * per input. Thresholds missing from a line come from {@code --config} (or the timeframe's defaults).
 */
@Command(name = "decide", header = "Run the decision gate over JSON lines from stdin.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the gate decision on JSON lines from stdin:",
                "  {\"thresholds\":{\"S_MIN\",...},\"cohort\":{\"pros\",\"amateurs\",\"mood\"},\"model\":{\"s_model\"}}",
                "and prints {\"dir\":-1|0|1,\"alpha\":x,\"mode\":\"...\"} per line, in order.",
                "Missing thresholds come from --config or the timeframe's defaults; a missing mood is 0."},
        footer = {"", "Writes: nothing (one JSON line on stdout per input line).", "Example: msb decide --tf 5m < decision_gate.jsonl"})
public final class DecideCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Strategy config (JSON or YAML) whose gate section gives default thresholds.")
    Path config;

    @Option(names = "--tf", paramLabel = "TF", defaultValue = "5m", description = "Timeframe whose default thresholds apply (default: ${DEFAULT-VALUE}).")
    Timeframe tf;

    @Spec
    CommandSpec spec;

    private InputStream in = System.in;

    DecideCommand withInput(InputStream in) {
        this.in = in;
        return this;
    }

    @Override
    public Integer call() {
        GateConfig base = (config == null ? StrategyConfig.defaults(tf) : StrategyConfig.load(config, tf)).gate();
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                out.add(Json.line(decideLine(base, line, lineNo)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read stdin: " + e.getMessage(), e);
        }
        // All or nothing: a bad line anywhere means no output at all.
        PrintWriter w = spec.commandLine().getOut();
        for (String s : out) w.println(s);
        w.flush();
        return 0;
    }

    static GateDecision decideLine(GateConfig base, String line, int lineNo) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw bad(lineNo, "not valid JSON (" + e.getOriginalMessage() + ")", "write one JSON object per line");
        }
        if (root == null || !root.isObject()) throw bad(lineNo, "not a JSON object", "write one JSON object per line");
        GateConfig g = thresholds(base, root.get("thresholds"), lineNo);
        JsonNode model = root.get("model");
        if (model == null || !model.isObject()) throw bad(lineNo, "field model is missing", "add \"model\":{\"s_model\":x}");
        double sModel = number(model.get("s_model"), "model.s_model", lineNo);
        JsonNode cohort = root.get("cohort");
        double mood = 0.0;
        if (cohort != null && !cohort.isNull()) {
            if (!cohort.isObject()) throw bad(lineNo, "field cohort is not an object", "write \"cohort\":{\"mood\":x}");
            if (cohort.has("mood") && !cohort.get("mood").isNull()) mood = number(cohort.get("mood"), "cohort.mood", lineNo);
        }
        return DecisionGate.decide(g, mood, sModel);
    }

    /** The line's thresholds over the base, bound like every config (msb.core.ConfigMapper): unknown keys refused. */
    private static GateConfig thresholds(GateConfig base, JsonNode t, int lineNo) {
        if (t == null || t.isNull()) return base;
        return ConfigMapper.overlay(ConfigMapper.Source.named("stdin line " + lineNo), "thresholds", base, t, GateConfig.class);
    }

    private static double number(JsonNode n, String field, int lineNo) {
        if (n == null || n.isNull()) {
            throw bad(lineNo, "field " + field + " is missing", "add it as a finite number");
        }
        if (!n.isNumber()) throw bad(lineNo, field + " is not a number (" + n + ")", "write it as a finite number");
        double v = n.asDouble();
        if (!Double.isFinite(v)) throw bad(lineNo, field + " is not finite (" + n + ")", "write it as a finite number");
        return v;
    }

    private static UserInputException bad(int lineNo, String what, String fix) {
        return new UserInputException("stdin line " + lineNo + ": " + what + "; " + fix);
    }
}
