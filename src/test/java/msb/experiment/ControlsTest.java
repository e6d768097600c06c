package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.signal.Verdicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts' controls end to end, as a user runs them (experiments/controls/*.yaml): a market with a planted
 * skill and drift is promoted, evaluated unflagged and traded on both sides with closed round trips; the same
 * market without the skill is refused for direction_skill.
 */
class ControlsTest {
    static Path spec(String name) {
        return Path.of(System.getProperty("msb.project.dir", "."), "experiments", "controls", name).toAbsolutePath();
    }

    @Test
    void plantedSkillIsPromotedEvaluatedCleanAndTradedOnBothSides(@TempDir Path home) throws Exception {
        CliRun run = CliRun.run(home, "experiment", "run", spec("positive.yaml").toString(), "--quiet");
        assertEquals(0, run.code(), run.err());
        ArtifactManifest m = ArtifactStore.verifiedManifest(ArtifactStore.latest(Workspace.at(home), "BTC", Timeframe.H1).orElseThrow());
        assertTrue(m.promoted(), m.failedGates().toString());
        assertEquals("centred", m.signalSpec().mode().label());

        CliRun eval = CliRun.run(home, "evaluate", "--tf", "1h", "--check-directional-balance", "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode a = Json.mapper().readTree(eval.out()).get("artifacts").get(0);
        assertFalse(a.get("flagged").asBoolean(), a.get("verdicts").toString());

        CliRun live = CliRun.run(home, "run-live", "--tf", "1h");
        assertEquals(0, live.code(), live.err());
        JsonNode s = Json.mapper().readTree(CliRun.run(home, "status", "--json").out());
        assertEquals("paper", s.get("mode").asText());
        assertTrue(s.get("orders").get("buy").asLong() > 0 && s.get("orders").get("sell").asLong() > 0, s.get("orders").toString());
        long longs = 0, shorts = 0;
        for (JsonNode rt : s.get("round_trips")) {
            if (rt.get("side").asText().equals("long")) longs++;
            if (rt.get("side").asText().equals("short")) shorts++;
        }
        assertTrue(longs > 0 && shorts > 0, "closed round trips on both sides: " + longs + " long, " + shorts + " short");
    }

    @Test
    void theSameMarketWithoutSkillIsRefusedForDirectionSkill(@TempDir Path home) {
        CliRun run = CliRun.run(home, "experiment", "run", spec("negative.yaml").toString(), "--quiet");
        assertEquals(3, run.code(), run.err());
        Path runDir = ArtifactStore.runs(Workspace.at(home), "BTC", Timeframe.H1).getLast();
        ArtifactManifest m = ArtifactStore.verifiedManifest(runDir);
        assertFalse(m.promoted());
        assertFalse(m.gates().get(Verdicts.DIRECTION_SKILL).passed(), m.gates().get(Verdicts.DIRECTION_SKILL).detail());
        assertTrue(run.err().contains("direction_skill"), run.err());
    }
}
