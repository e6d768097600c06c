package msb.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

public class DecisionGateTest {
    private static final GateConfig BASE = new GateConfig(0.1, 0.1, 0.0, 0.2, false, false, true, false);

    public static Path vectors() {
        String shared = System.getProperty("msb.shared.data");
        Assumptions.assumeTrue(shared != null, "msb.shared.data is not set; skipping the golden vectors");
        Path p = Path.of(shared).resolve("../vectors/decision_gate.jsonl").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(p), p + " is absent; skipping the golden vectors");
        return p;
    }

    @Test
    void matchesEveryGoldenVector() throws IOException {
        List<String> lines = Files.readAllLines(vectors());
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            if (line.isBlank()) continue;
            n++;
            JsonNode v = Json.mapper().readTree(line);
            GateConfig g = Json.mapper().treeToValue(v.get("thresholds"), GateConfig.class);
            GateDecision d = DecisionGate.decide(g, v.get("cohort").get("mood").asDouble(),
                    v.get("model").get("s_model").asDouble());
            JsonNode e = v.get("expect");
            if (d.dir() != e.get("dir").asInt() || Math.abs(d.alpha() - e.get("alpha").asDouble()) > 1e-9
                    || !d.mode().equals(e.get("mode").asText())) {
                failures.add("vector " + n + ": got " + d + ", expected " + e);
            }
        }
        assertEquals(5000, n, "the vectors file should hold 5000 cases");
        assertTrue(failures.isEmpty(), failures.size() + " mismatches, first: " + failures.stream().limit(5).toList());
    }

    @Test
    void thresholdsAreInclusive() {
        assertEquals(new GateDecision(1, 0.2, "model_only"), DecisionGate.decide(BASE, 0.0, 0.1));
        assertEquals("below_min", DecisionGate.decide(BASE, 0.0, 0.0999999).mode());
        assertEquals("consensus", DecisionGate.decide(BASE, 0.1, 0.1).mode());
    }

    @Test
    void consensusFlagDecidesWhetherDisagreementBlocks() {
        GateConfig consensus = BASE.withAlphaMin(0.1).withRequireConsensus(true);
        assertEquals(new GateDecision(0, 0.0, "no_consensus"), DecisionGate.decide(consensus, 0.5, -0.3));
        GateDecision d = DecisionGate.decide(BASE, 0.5, -0.3);
        assertEquals(-1, d.dir());
        assertEquals("model_over_mood", d.mode());
        assertEquals(0.4, d.alpha(), 1e-12);
    }

    @Test
    void flipsOnlyWhenConfigured() {
        GateConfig flip = BASE.withAlphaMin(0.1).withFlipModel(true);
        assertEquals(-1, DecisionGate.decide(flip, 0.0, 0.5).dir());
        assertEquals(1, DecisionGate.decide(BASE, 0.0, 0.5).dir());
        assertEquals(-1, DecisionGate.wantedDir(flip, 0.5));
    }

    @Test
    void lowConfidenceAndModelOnlyRejection() {
        GateConfig strict = BASE.withConfMin(0.5).withAlphaMin(0.1);
        assertEquals("model_only_rejected", DecisionGate.decide(strict, 0.0, 0.3).mode());
        assertEquals("low_conf", DecisionGate.decide(strict, 0.2, 0.3).mode());
        GateConfig noModelOnly = BASE.withAlphaMin(0.1).withAllowModelOnlyWhenMoodNeutral(false);
        assertEquals("below_min", DecisionGate.decide(noModelOnly, 0.0, 0.9).mode());
    }
}
