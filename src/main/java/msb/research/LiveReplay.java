package msb.research;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import msb.live.StatusDoc;
import msb.trading.EngineEvent;

/**
 * What a replay of the live runner left behind: the status {@code msb status --json} prints and the decision of
 * every bar from the event log.
 *
 * @param artifact  the run replayed
 * @param stateDir  its state directory (state.json, events.jsonl)
 * @param status    the final status: funnel, blocks per gate, equity, in- and out-of-sample PnL
 * @param decisions one decision per replayed bar, in order (shadow mode included)
 */
public record LiveReplay(Artifact artifact, Path stateDir, StatusDoc status, List<EngineEvent.Decision> decisions) {
    public LiveReplay {
        decisions = List.copyOf(decisions);
    }

    /** The live threshold on |signal| the replay used: its timeframe's default strategy config (the replay reads no other). */
    public double sMin() { return msb.trading.StrategyConfig.defaults(artifact.manifest().timeframe()).gate().sMin(); }

    /** The decisions of an event log, read as the engine's own records. */
    static List<EngineEvent.Decision> readDecisions(Path eventsFile) {
        List<EngineEvent.Decision> out = new ArrayList<>();
        try (var lines = Files.lines(eventsFile)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isBlank()) continue;
                JsonNode e = Json.mapper().readTree(line);
                if (!"decision".equals(e.path("type").asText())) continue;
                // the log's envelope carries the type; the payload is the record without it
                ObjectNode data = ((ObjectNode) e.get("data")).deepCopy();
                data.put("type", "decision");
                out.add((EngineEvent.Decision) Json.mapper().treeToValue(data, EngineEvent.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + eventsFile + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * One row per decision: {@code ts}, {@code s_model}, {@code signal}, {@code dir}, {@code mode}, {@code action},
     * {@code equity_usd}, and {@code seen_in_fitting} (the bar lies where the artifact was fitted or validated: only
     * the other bars say anything about skill).
     */
    public tech.tablesaw.api.Table decisionsTable() { return Frames.decisions(this); }
}
