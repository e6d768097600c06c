package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.data.SyntheticMarket;
import msb.dataset.DatasetStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.PoolMember;
import msb.signal.Verdicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pooled training end to end: the verdicts' controls pooled across two synthetic markets (planted skill promoted,
 * none refused for direction_skill), the artifact's list of symbols and their dataset hashes, evaluation per symbol
 * (and only the one asked for; a symbol outside the pool exits 2), and run-live of the pooled model on one member.
 */
class PooledTrainingTest {
    static final long HOUR = 3600;
    static final long START = 1_577_836_800L;

    /** Two 1h markets with the same planted skill and drift, other noise draws, B starting 500 bars later. */
    static void synth(Path home, double skill) {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "AAA", "synth", new SyntheticMarket(12_000, HOUR, skill, 3, 50, 7, START).generate(), "a.csv", "", "csv");
        RawStore.replace(ws, "BBB", "synth", new SyntheticMarket(11_000, HOUR, skill, 3, 50, 8, START + 500 * HOUR).generate(),
                "b.csv", "", "csv");
    }

    @Test
    void plantedSkillPooledIsPromotedListsItsSymbolsAndIsEvaluatedPerSymbol(@TempDir Path home) throws Exception {
        synth(home, 0.2);
        CliRun train = CliRun.run(home, "train", "--tf", "1h", "--symbols", "AAA,BBB", "--model", "logreg", "--quiet");
        assertEquals(0, train.code(), train.err());
        Path run = Path.of(train.out().lines().toList().getLast());
        ArtifactManifest m = ArtifactStore.verifiedManifest(run);
        assertTrue(m.promoted(), m.failedGates().toString());
        assertEquals("AAA-BBB", m.symbol());
        assertEquals(List.of("AAA", "BBB"), m.symbols());
        assertEquals(run, ArtifactStore.latest(Workspace.at(home), "AAA-BBB", Timeframe.H1).orElseThrow());
        for (PoolMember p : m.pool()) {
            assertEquals(DatasetStore.load(Workspace.at(home), p.symbol(), Timeframe.H1).sha256(), p.datasetSha256(), p.symbol());
            assertTrue(p.splits().get("train").rows() > 0 && p.splits().get("val").rows() > 0 && p.splits().get("test").rows() > 0);
            assertNotNull(p.valVerdicts(), p.symbol());
            assertTrue(p.valVerdicts().get(Verdicts.DIRECTION_SKILL).passed(), p.symbol() + ": " + p.valVerdicts());
        }
        // common cut-offs: every member's TRAIN ends before any member's VAL starts
        long lastTrain = m.pool().stream().mapToLong(p -> p.splits().get("train").lastTs()).max().orElseThrow();
        long firstVal = m.pool().stream().mapToLong(p -> p.splits().get("val").firstTs()).min().orElseThrow();
        assertTrue(lastTrain < firstVal, lastTrain + " vs " + firstVal);
        assertEquals(m.trainRows(), m.pool().stream().mapToInt(p -> p.splits().get("train").rows()).sum());

        CliRun eval = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode arts = Json.mapper().readTree(eval.out()).get("artifacts");
        assertEquals(2, arts.size());
        for (int i = 0; i < 2; i++) {
            JsonNode a = arts.get(i);
            String sym = List.of("AAA", "BBB").get(i);
            assertEquals(sym, a.get("symbol").asText());
            assertEquals(m.member(sym).orElseThrow().splits().get("test").rows(), a.get("metrics").get("rows").asInt(), sym);
            assertFalse(a.get("flagged").asBoolean(), a.get("verdicts").toString());
        }
        CliRun one = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--symbol", "BBB", "--json");
        assertEquals(0, one.code(), one.err());
        JsonNode only = Json.mapper().readTree(one.out()).get("artifacts");
        assertEquals(1, only.size());
        assertEquals("BBB", only.get(0).get("symbol").asText());

        CliRun outside = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--symbol", "CCC");
        assertEquals(2, outside.code(), outside.err());
        assertTrue(outside.err().contains("AAA, BBB") && !outside.err().contains("Exception"), outside.err());

        // retraining runs on the runner's one symbol: a pooled artifact is refused, not silently retrained on BBB alone
        CliRun retrain = CliRun.run(home, "run-live", "--tf", "1h", "--symbol", "BBB", "--artifact", run.toString(),
                "--retrain-every", "1d", "--state-dir", home.resolve("retrain-state").toString());
        assertEquals(2, retrain.code(), retrain.err());
        List<String> lines = retrain.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), retrain.err());
        assertTrue(lines.getFirst().contains(run.getFileName().toString()) && lines.getFirst().contains("pooled retraining is not supported")
                && lines.getFirst().contains("msb train --symbols AAA,BBB"), retrain.err());
        CliRun live = CliRun.run(home, "run-live", "--tf", "1h", "--symbol", "BBB", "--artifact", run.toString(), "--max-bars", "3000");
        assertEquals(0, live.code(), live.err());
        JsonNode s = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir",
                Workspace.at(home).stateDir("BBB", Timeframe.H1).toString(), "--json").out());
        assertTrue(s.get("orders").get("buy").asLong() > 0 && s.get("orders").get("sell").asLong() > 0, s.get("orders").toString());
    }

    @Test
    void noSkillPooledIsRefusedForDirectionSkill(@TempDir Path home) throws Exception {
        synth(home, 0.0);
        // through an experiment's model part this time: symbols: [...] pools like --symbols
        Path spec = home.resolve("pooled.yaml");
        java.nio.file.Files.writeString(spec, "tf: 1h\nmodel: logreg\nsymbols: [AAA, BBB]\n");
        CliRun train = CliRun.run(home, "train", "--experiment", spec.toString(), "--quiet");
        assertEquals(3, train.code(), train.err());
        ArtifactManifest m = ArtifactStore.verifiedManifest(Path.of(train.out().lines().toList().getLast()));
        assertFalse(m.promoted());
        assertFalse(m.gates().get(Verdicts.DIRECTION_SKILL).passed(), m.gates().get(Verdicts.DIRECTION_SKILL).detail());
        assertEquals(List.of("AAA", "BBB"), m.symbols());
    }

    @Test
    void aMemberFailingItsOwnVerdictsRunsInShadowAndIsFlaggedInEvaluate(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        // AAA carries the skill, BBB none: the pooled verdicts pass on AAA's strength, BBB's own ones cannot
        RawStore.replace(ws, "AAA", "synth", new SyntheticMarket(12_000, HOUR, 0.3, 3, 50, 7, START).generate(), "a.csv", "", "csv");
        RawStore.replace(ws, "BBB", "synth", new SyntheticMarket(11_000, HOUR, 0.0, 3, 50, 8, START + 500 * HOUR).generate(),
                "b.csv", "", "csv");
        CliRun train = CliRun.run(home, "train", "--tf", "1h", "--symbols", "AAA,BBB", "--model", "logreg");
        assertEquals(0, train.code(), train.err());
        Path run = Path.of(train.out().lines().toList().getLast());
        ArtifactManifest m = ArtifactStore.verifiedManifest(run);
        assertTrue(m.promoted(), m.failedGates().toString());
        assertEquals(List.of(), m.failedGatesFor("AAA"));
        assertTrue(m.promotedFor("AAA"));
        List<String> bbb = m.failedGatesFor("BBB");
        assertTrue(bbb.contains("BBB:" + Verdicts.DIRECTION_SKILL), bbb.toString());
        assertFalse(m.promotedFor("BBB"));
        assertTrue(train.err().contains("BBB failed its own VAL verdicts (" + String.join(", ", bbb)), train.err());

        CliRun shadow = CliRun.run(home, "run-live", "--tf", "1h", "--symbol", "BBB", "--artifact", run.toString(), "--max-bars", "3000");
        assertEquals(3, shadow.code(), shadow.err());
        String skill = "BBB:" + Verdicts.DIRECTION_SKILL + ": " + m.gate("BBB:" + Verdicts.DIRECTION_SKILL).detail();
        assertTrue(shadow.err().contains(skill) && shadow.err().contains("SHADOW") && !shadow.err().contains("Exception"), shadow.err());
        JsonNode sb = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", ws.stateDir("BBB", Timeframe.H1).toString(), "--json").out());
        assertEquals("shadow", sb.get("mode").asText());
        assertEquals(0, sb.get("orders").get("buy").asLong() + sb.get("orders").get("sell").asLong(), sb.get("orders").toString());
        assertTrue(sb.get("bars_processed").asLong() > 0, sb.toString());

        CliRun trades = CliRun.run(home, "run-live", "--tf", "1h", "--symbol", "AAA", "--artifact", run.toString(), "--max-bars", "3000");
        assertEquals(0, trades.code(), trades.err());
        JsonNode sa = Json.mapper().readTree(CliRun.run(home, "status", "--state-dir", ws.stateDir("AAA", Timeframe.H1).toString(), "--json").out());
        assertEquals("paper", sa.get("mode").asText());
        assertTrue(sa.get("orders").get("buy").asLong() > 0 && sa.get("orders").get("sell").asLong() > 0, sa.get("orders").toString());

        CliRun eval = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode arts = Json.mapper().readTree(eval.out()).get("artifacts");
        for (JsonNode a : arts) {
            List<String> failed = new java.util.ArrayList<>();
            a.get("failed_gates").forEach(g -> failed.add(g.asText()));
            assertEquals(m.failedGatesFor(a.get("symbol").asText()), failed, a.get("symbol").asText());
        }
        assertEquals(2, arts.size());
    }

    static String experiment(Path home, String line) {
        Path f = home.resolve("e" + Math.abs(line.hashCode()) + ".yaml");
        try {
            java.nio.file.Files.writeString(f, "model: logreg\n" + line + "\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f.toString();
    }

    @Test
    void badPoolsExitTwoWithOneLine(@TempDir Path home) {
        synth(home, 0.2);
        for (String[] args : List.of(new String[]{"--symbols", "AAA"}, new String[]{"--symbols", "AAA,AAA"},
                new String[]{"--symbols", "AAA,BBB", "--model", "stack"}, new String[]{"--symbols", "AAA,BBB", "--symbol", "AAA"},
                new String[]{"--symbols", "AAA,NOPE", "--model", "logreg"}, new String[]{"--experiment", experiment(home, "symbols: [AAA]")},
                new String[]{"--experiment", experiment(home, "symbols: AAA")})) {
            String[] full = java.util.stream.Stream.concat(java.util.stream.Stream.of("train", "--tf", "1h"), java.util.Arrays.stream(args))
                    .toArray(String[]::new);
            CliRun r = CliRun.run(home, full);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }
}
