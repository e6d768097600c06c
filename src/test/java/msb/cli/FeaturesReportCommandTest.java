package msb.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import msb.bench.SyntheticBars;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.RawStore;
import msb.dataset.DatasetStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code msb features report} through the command line. */
class FeaturesReportCommandTest {
    @Test
    void buildsTheMissingDatasetPrintsJsonAndWritesTheReport(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "synth", SyntheticBars.minutes(20_000, 8), "synth.csv", "", "csv");
        CliRun r = CliRun.run(home, "features", "report", "--tf", "5m", "--json", "--out", "reports/f5m");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("building it"), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        assertEquals("5m", doc.get("tf").asText());
        var columns = DatasetStore.load(ws, "BTC", Timeframe.M5).columns();
        assertEquals(columns.size(), doc.get("features").size());
        Set<String> reported = new HashSet<>();
        double previousEdge = Double.POSITIVE_INFINITY;
        for (JsonNode f : doc.get("features")) {
            reported.add(f.get("feature").asText());
            for (String split : new String[]{"train", "val"}) {
                assertTrue(f.get(split).get("direction_auc").has("lo"), f.toString());
                assertTrue(f.get(split).get("ic").has("hi"), f.toString());
            }
            assertTrue(f.get("permutation").get("auc_drop").isNumber(), f.toString());
            assertTrue(f.get("carries_information").isBoolean(), f.toString());
            double edge = f.get("auc_edge").asDouble();
            assertTrue(edge <= previousEdge, "sorted by VAL |AUC - 0.5|: " + doc.get("features"));
            previousEdge = edge;
        }
        assertEquals(new HashSet<>(columns), reported);
        assertTrue(doc.get("model").get("val_direction_auc").isNumber());
        assertTrue(doc.get("clusters").isArray());
        Path out = home.resolve("reports/f5m");
        assertTrue(Files.size(out.resolve("feature-val-auc.png")) > 1000);
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
        assertEquals(doc, Json.mapper().readTree(out.resolve("report.json").toFile()));

        CliRun human = CliRun.run(home, "features", "report", "--tf", "5m");
        assertEquals(0, human.code(), human.err());
        assertTrue(human.out().startsWith("BTC 5m: "), human.out());
        assertTrue(human.out().contains("VAL AUC [CI]"), human.out());
        assertFalse(human.err().contains("building"), "the stored dataset is reused: " + human.err());
    }

    @Test
    void outOutsideHomeIsRefusedBeforeAnyWork(@TempDir Path home, @TempDir Path elsewhere) {
        CliRun r = CliRun.run(home, "features", "report", "--tf", "1h", "--out", elsewhere.resolve("rep").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--out") && r.err().contains("outside --home"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(elsewhere.resolve("rep")));
        assertFalse(Files.exists(home.resolve("datasets")), "nothing built before the refusal");
    }

    @Test
    void helpNamesWhatItWrites() {
        CliRun r = CliRun.runArgs("features", "report", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Writes:") && r.out().contains("Example:"), r.out());
        assertTrue(r.out().contains("a 95% block-bootstrap interval"), "the description is formatted: " + r.out());
    }

    @Test
    @Tag("realdata")
    void hmate9HourlyFileReportsEveryColumn(@TempDir Path home) throws Exception {
        String shared = System.getProperty("msb.shared.data");
        Path file = shared == null ? null : Path.of(shared, "hmate9", "BTCUSDT_1h.csv");
        Assumptions.assumeTrue(file != null && Files.exists(file), "shared hmate9 1h file absent; skipping");
        CliRun imp = CliRun.run(home, "data", "import", "--in", file.toAbsolutePath().toString());
        assertEquals(0, imp.code(), imp.err());
        CliRun r = CliRun.run(home, "features", "report", "--tf", "1h", "--json", "--out", "rep");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        var columns = DatasetStore.load(Workspace.at(home), "BTC", Timeframe.H1).columns();
        Set<String> reported = new HashSet<>();
        for (JsonNode f : doc.get("features")) {
            reported.add(f.get("feature").asText());
            assertTrue(f.get("val").get("direction_auc").get("lo").isNumber(), f.toString());
        }
        assertEquals(new HashSet<>(columns), reported);
        assertTrue(doc.get("val_rows").asInt() > 1000, doc.get("val_rows").toString());
        assertTrue(Files.isRegularFile(home.resolve("rep/feature-val-auc.png")));
    }
}
