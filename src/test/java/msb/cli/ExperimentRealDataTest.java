package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed 24h spec on the shared Coinbase 4h file, end to end (logreg, to stay fast): import, dataset,
 * train, evaluate with report, walk-forward; the record holds every part, and the exit code agrees with it.
 */
@Tag("realdata")
class ExperimentRealDataTest {
    @Test
    void committed24hSpecOnTheSharedCoinbaseFile(@TempDir Path root) throws Exception {
        String shared = System.getProperty("msb.shared.data");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared)),
                "shared data absent (msb.shared.data=" + shared + "); run with the real-data profile next to ../shared/data");
        Path coinbase = Path.of(shared, "ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(coinbase), coinbase + " absent");
        // The committed spec, with its data source pointed at the shared file wherever it lives.
        String spec = Files.readString(Path.of("experiments/24h.yaml"))
                .replace("../shared/data/ta4j/Coinbase-BTC-USD-PT4H-20160518_20251028.json", coinbase.toString());
        Path file = Files.createDirectories(root.resolve("repo/experiments")).resolve("24h.yaml");
        Files.writeString(file, spec);

        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--home", root.resolve("home").toString(), "experiment", "run", file.toString(),
                "--model", "logreg", "--walk-forward", "--quiet", "--json");
        assertTrue(exit == 0 || exit == 3, err.toString());
        JsonNode rec = Json.mapper().readTree(out.toString());
        assertEquals(exit, rec.get("exit_code").asInt());
        assertEquals(20695, rec.get("data").get("rows").asInt(), "every 4h bar of the file imported");
        assertEquals("24h", rec.get("spec").get("tf").asText());
        assertTrue(rec.get("dataset").get("rows").asInt() > 3000, "about 3,450 daily bars");
        assertEquals(exit == 0, rec.get("artifact").get("promoted").asBoolean() && !rec.get("evaluation").get("flagged").asBoolean());
        assertEquals(6, rec.get("walk_forward").get("folds").size(), "max_folds of the committed spec");
        assertTrue(Files.isRegularFile(Path.of(rec.get("report_dir").asText()).resolve("report.md")));
    }
}
