package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataImportCommandTest {
    private static final String HEADER = "timestamp,open,high,low,close,volume\n";

    @TempDir
    Path tmp;

    @Test void jsonOutputIsOneDocumentWithTheSidecar() throws Exception {
        Path file = CliRun.write(tmp.resolve("in"), "My Bars 1h.csv",
                HEADER + "1700002800,1,2,1,1.5,3\n1700006400,1.5,2,1,1,3\n1700017200,1,1,1,1,0\n");
        CliRun r = CliRun.run(tmp.resolve("home"), "data", "import", "--in", file.toString(), "--json", "--symbol", "ETH");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = Json.mapper().readTree(r.out());
        JsonNode stored = doc.get("stored");
        assertEquals("My-Bars-1h", stored.get("source").asText());
        assertEquals("ETH", stored.get("symbol").asText());
        assertEquals(3600, stored.get("interval_sec").asInt());
        assertEquals(3, stored.get("rows").asInt());
        assertEquals("2023-11-14T23:00:00Z", stored.get("first_open").asText());
        assertEquals(1, stored.get("gaps").get("count").asInt());
        assertEquals(2, stored.get("gaps").get("missing_bars").asInt());
        assertEquals("csv", stored.get("format").asText());
        assertTrue(Workspace.at(tmp.resolve("home")).rawDir("ETH").resolve("My-Bars-1h.bars").toFile().isFile());
    }

    @Test void humanOutputShowsRowsRangeIntervalGaps() {
        Path file = CliRun.write(tmp.resolve("in"), "b.csv", HEADER + "1700002800,1,2,1,1.5,3\n1700006400,1.5,2,1,1,3\n");
        CliRun r = CliRun.run(tmp.resolve("home"), "data", "import", "--in", file.toString(), "--source", "mine");
        assertEquals(0, r.code(), r.err());
        for (String s : new String[]{"'mine'", "rows:     2", "interval: 1h", "2023-11-14T23:00:00Z .. 2023-11-15T01:00:00Z", "gaps:     none"}) {
            assertTrue(r.out().contains(s), s + " in " + r.out());
        }
    }

    @Test void mergeAccumulatesAndReplaceStartsOver() {
        Path home = tmp.resolve("home");
        Path a = CliRun.write(tmp.resolve("a"), "s.csv", HEADER + "1700002800,1,2,1,1.5,3\n1700006400,1.5,2,1,1,3\n");
        Path b = CliRun.write(tmp.resolve("b"), "s.csv", HEADER + "1700006400,1.5,2,1,1,3\n1700010000,1,2,1,2,3\n");
        assertEquals(0, CliRun.run(home, "data", "import", "--in", a.toString()).code());
        CliRun m = CliRun.run(home, "data", "import", "--in", b.toString(), "--merge");
        assertEquals(0, m.code(), m.err());
        assertTrue(m.out().contains("1 added, 0 replaced, 1 unchanged"), m.out());
        assertEquals(3, RawStore.load(Workspace.at(home), "BTC", "s").size());
        assertEquals(0, CliRun.run(home, "data", "import", "--in", b.toString()).code());
        assertEquals(2, RawStore.load(Workspace.at(home), "BTC", "s").size());
    }

    @Test void sourcesStayApart() {
        Path home = tmp.resolve("home");
        Path h1 = CliRun.write(tmp.resolve("a"), "hourly.csv", HEADER + "1700002800,1,2,1,1.5,3\n1700006400,1.5,2,1,1,3\n");
        Path m5 = CliRun.write(tmp.resolve("b"), "five.csv", HEADER + "1700002800,1,2,1,1.5,3\n1700003100,1.5,2,1,1,3\n");
        assertEquals(0, CliRun.run(home, "data", "import", "--in", h1.toString()).code());
        assertEquals(0, CliRun.run(home, "data", "import", "--in", m5.toString()).code());
        assertEquals(2, RawStore.sources(Workspace.at(home), "BTC").size());
        assertEquals("five", RawStore.finest(Workspace.at(home), "BTC").orElseThrow().source());
    }
}
