package msb.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import msb.cli.Main;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.data.FundingImporter;
import msb.data.ImportFormat;
import msb.live.LiveFixture;
import msb.model.ArtifactStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * CONTRACT.md statements not already covered by the package suites, driven only through the command line
 * ({@code Main.commandLine()} with a temp {@code --home}): one small synthetic 5m workspace, a logistic
 * regression trained once through {@code msb train}, then evaluate, run-live, status and bench against it.
 */
class ContractTest {
    @TempDir static Path home;
    static Path runDir;
    static final Path CWD = Path.of("").toAbsolutePath();
    static Set<String> cwdBefore;

    @BeforeAll
    static void trainedThroughTheCli() throws IOException {
        cwdBefore = listing(CWD);
        Path csv = LiveFixture.syntheticCsv(home.resolve("input/bars.csv"), 5_000, 7);
        CliRun imp = CliRun.run(home, "data", "import", "--in", csv.toString());
        assertEquals(0, imp.code(), imp.err());
        CliRun train = CliRun.run(home, "train", "--tf", "5m", "--model", "logreg", "--quiet");
        assertEquals(0, train.code(), "the fixture's logreg passes its gates: " + train.err());
        runDir = Path.of(lastLine(train.out()));
    }

    @AfterAll
    static void nothingWasWrittenOutsideHome() throws IOException {
        assertEquals(cwdBefore, listing(CWD), "--home confines every write: the working directory is unchanged");
    }

    /** The working directory's entries (build output excluded: the test runner writes there). */
    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new HashSet<>(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("target")).toList());
        }
    }

    static String lastLine(String out) { return out.lines().toList().getLast(); }

    static JsonNode oneDocument(String stdout) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(stdout)) {
            JsonNode doc = Json.mapper().readTree(p);
            assertEquals(null, p.nextToken(), "stdout holds exactly one JSON document: " + stdout);
            return doc;
        }
    }

    static void noStackTrace(CliRun r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), () -> "no stack trace: " + r.err());
    }

    static List<CommandLine> leaves(CommandLine cl) {
        if (cl.getSubcommands().isEmpty()) return List.of(cl);
        return cl.getSubcommands().values().stream().distinct().flatMap(c -> leaves(c).stream()).toList();
    }

    @Test
    void everyHelpTeachesPurposeWritesExampleAndDefaults() {
        for (CommandLine c : leaves(Main.commandLine())) {
            String path = c.getCommandSpec().qualifiedName(" ").replaceFirst("^msb ", "");
            String[] args = (path + " --help").split(" ");
            CliRun r = CliRun.run(home, args);
            assertEquals(0, r.code(), path + ": " + r.err());
            assertTrue(r.out().contains("Writes: ") && r.out().contains("Example"), path + " help says what it writes, with an example:\n" + r.out());
            assertEquals(1, c.getCommandSpec().usageMessage().header().length, path + " has a one-line purpose (header)");
            assertTrue(r.out().startsWith(c.getCommandSpec().usageMessage().header()[0] + System.lineSeparator() + "Usage: "), r.out());
            assertTrue(c.getCommandSpec().usageMessage().description().length > 0, path + " has a description");
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.defaultValue() == null || o.usageHelp() || o.versionHelp()) continue;
                assertTrue(String.join(" ", o.description()).contains("default") || String.join(" ", o.description()).contains("Default"),
                        path + " " + o.longestName() + " shows its default");
            }
        }
    }

    @Test
    void usageErrorsExitTwoWithoutStackTrace() {
        for (CommandLine c : leaves(Main.commandLine())) {
            String path = c.getCommandSpec().qualifiedName(" ").replaceFirst("^msb ", "");
            CliRun r = CliRun.run(home, (path + " --no-such-flag").split(" "));
            assertEquals(2, r.code(), path + ": " + r.err());
            noStackTrace(r);
        }
    }

    @Test
    void symbolOnEveryCommandThatTouchesDataModelsOrState() {
        CommandLine root = Main.commandLine();
        for (String path : List.of("data import", "data fetch", "dataset build", "dataset show", "train", "evaluate", "run-live",
                "status", "monitor", "bench train")) {
            CommandLine c = root;
            for (String word : path.split(" ")) c = c.getSubcommands().get(word);
            assertTrue(c.getCommandSpec().findOption("--symbol") != null, path + " takes --symbol");
        }
    }

    @Test
    void badInputExitsTwoNamingTheFieldWithoutStackTraceAndWritesNothing(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("empty-home");
        Path csv = home.resolve("input/bars.csv");
        String[][] cases = {
                {"--feed", "run-live", "--tf", "5m", "--feed", "bogus"},
                {"--speed", "run-live", "--tf", "5m", "--speed", "fast"},
                {"/nope.yaml", "run-live", "--tf", "5m", "--config", "/nope.yaml"},
                {"--from", "run-live", "--tf", "5m", "--from", "/nope.csv"},
                {"--tf", "decide", "--tf", "7m"},
                {"--format", "data", "import", "--in", csv.toString(), "--format", "bogus"},
                {"--interval", "data", "import", "--in", csv.toString(), "--interval", "7q"},
                {"--symbol", "data", "import", "--in", csv.toString(), "--symbol", "../x"},
                {"/nope", "status", "--state-dir", "/nope"},
                {"--label", "dataset", "build", "--tf", "5m", "--label", "bogus"},
                {"/nope.yaml", "evaluate", "--tf", "5m", "--config", "/nope.yaml"},
                {"/nope.yaml", "train", "--tf", "5m", "--experiment", "/nope.yaml"},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.run(empty, java.util.Arrays.copyOfRange(c, 1, c.length));
            String what = String.join(" ", java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.code(), what + ": " + r.err());
            assertTrue(r.err().contains(c[0]), what + " names " + c[0] + ": " + r.err());
            noStackTrace(r);
            assertTrue(CliRun.filesUnder(empty).isEmpty(), what + " wrote " + CliRun.filesUnder(empty));
        }
        Path file = CliRun.write(dir, "not-a-dir", "x");
        CliRun r = CliRun.run(file, "data", "import", "--in", csv.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--home"), r.err());
        noStackTrace(r);
    }

    @Test
    void everyFormatNamedInTheContractIsAccepted() {
        for (String f : List.of("auto", "csv", "coinbase-json", "binance-json", "binance-klines", "freqtrade-json", "bitstamp-trades",
                "hyperliquid-json")) {
            assertEquals(f, ImportFormat.parse(f).cliName());
        }
        for (String f : List.of("auto", "csv", "bitmex-json", "freqtrade-json", "hyperliquid-json")) {
            assertEquals(f, FundingImporter.Format.parse(f).cliName());
        }
    }

    @Test
    void fundingJsonIsOneDocumentWithPerHourRatesAndDuplicatesCounted(@TempDir Path dir) throws IOException {
        Path file = CliRun.write(dir, "BTC_USDT-funding_rate.json",
                "[[1700000000000,0.0008,0,0,0,0],[1700000000000,0.0008,0,0,0,0],[1700028800000,0.0016,0,0,0,0]]");
        CliRun r = CliRun.run(dir.resolve("home"), "data", "import", "--funding", file.toString(), "--format", "freqtrade-json", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = oneDocument(r.out());
        assertEquals(1, doc.get("stored").get("duplicates_dropped").asInt(), r.out());
        assertEquals(2, doc.get("stored").get("rows").asInt(), r.out());
    }

    @Test
    void aFailedReimportLeavesTheStoreByteForByteAndNoTempOrLockFile(@TempDir Path dir) throws IOException {
        Path h = dir.resolve("home");
        Path good = CliRun.write(dir, "bars.csv", "timestamp,open,high,low,close,volume\n1700000000,100,110,90,105,1\n1700000300,105,112,100,111,2\n");
        assertEquals(0, CliRun.run(h, "data", "import", "--in", good.toString()).code());
        List<Path> before = CliRun.filesUnder(h);
        List<String> hashes = before.stream().map(Hashing::sha256).toList();
        Path bad = CliRun.write(dir, "bars.csv", "timestamp,open,high,low,close,volume\n1700000000,100,110,90,105,1\n1700000300,105,99,100,100,2\n");
        CliRun r = CliRun.run(h, "data", "import", "--in", bad.toString());
        assertEquals(2, r.code(), r.err());
        noStackTrace(r);
        assertEquals(before, CliRun.filesUnder(h), "no temp or lock file left");
        assertEquals(hashes, before.stream().map(Hashing::sha256).toList(), "the stored source is untouched");
    }

    @Test
    void datasetBuildAllBuildsWhatTheDataAllowsAndListsTheRest(@TempDir Path dir) {
        StringBuilder b = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 100;
        for (int i = 0; i < 24 * 40; i++) {
            double next = price * (1 + 0.01 * Math.sin(i * 0.7));
            b.append(1_700_006_400L + 3600L * i).append(',').append(price).append(',').append(Math.max(price, next) + 1).append(',')
                    .append(Math.min(price, next) - 1).append(',').append(next).append(",5\n");
            price = next;
        }
        Path h = dir.resolve("home");
        assertEquals(0, CliRun.run(h, "data", "import", "--in", CliRun.write(dir, "hourly.csv", b.toString()).toString()).code());
        CliRun all = CliRun.run(h, "dataset", "build", "--tf", "all");
        assertEquals(0, all.code(), all.err());
        assertTrue(all.out().contains("built 1h") && all.out().contains("built 24h"), all.out());
        assertTrue(all.out().contains("skipped 5m: "), "the skipped timeframe is listed with its reason: " + all.out());
        CliRun finer = CliRun.run(h, "dataset", "build", "--tf", "5m");
        assertEquals(2, finer.code(), finer.err());
        noStackTrace(finer);
    }

    @Test
    void trainPrintsTheRunDirPromotesOnlyWhenAllowedAndTheManifestHasTheContractFields() throws IOException {
        assertTrue(runDir.isAbsolute() && Files.isDirectory(runDir), runDir.toString());
        Workspace ws = Workspace.at(home);
        assertEquals(runDir, ArtifactStore.latest(ws, "BTC", Timeframe.M5).orElseThrow().toAbsolutePath(), "promoted in LATEST.json");
        JsonNode m = Json.mapper().readTree(runDir.resolve("manifest.json").toFile());
        for (String f : List.of("tf", "symbol", "model", "train_rows", "schema_hash", "dataset_sha256", "gates", "promoted", "files")) {
            assertTrue(m.has(f), "manifest field " + f);
        }
        assertEquals("5m", m.get("tf").asText());
        assertEquals("BTC", m.get("symbol").asText());
        assertTrue(m.get("promoted").asBoolean());
        m.get("gates").properties().forEach(g -> assertTrue(g.getValue().has("passed") && g.getValue().has("detail"), g.getKey()));
        Set<String> listed = new HashSet<>();
        m.get("files").properties().forEach(e -> {
            listed.add(e.getKey());
            assertEquals(Hashing.sha256(runDir.resolve(e.getKey())), e.getValue().asText(), e.getKey());
        });
        try (Stream<Path> s = Files.list(runDir)) {
            assertEquals(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("manifest.json")).collect(java.util.stream.Collectors.toSet()),
                    listed, "files lists every other file of the run directory");
        }

        byte[] latest = Files.readAllBytes(ws.modelsDir("BTC", Timeframe.M5).resolve(ArtifactStore.LATEST));
        CliRun again = CliRun.run(home, "train", "--tf", "5m", "--model", "logreg", "--seed", "3", "--no-promote", "--quiet");
        assertEquals(0, again.code(), again.err());
        Path second = Path.of(lastLine(again.out()));
        assertNotEquals(runDir, second);
        assertTrue(second.isAbsolute() && Files.isRegularFile(second.resolve("manifest.json")));
        assertTrue(java.util.Arrays.equals(latest, Files.readAllBytes(ws.modelsDir("BTC", Timeframe.M5).resolve(ArtifactStore.LATEST))),
                "--no-promote never touches LATEST");
    }

    @Test
    void trainWithNothingStoredUsesTheEmbeddedDataAndSaysSo(@TempDir Path dir) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        CliRun r;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            r = CliRun.run(dir, "train", "--tf", "1h", "--model", "always-up");
        } finally {
            System.setErr(saved);
        }
        String err = r.err() + captured.toString(StandardCharsets.UTF_8);
        assertEquals(3, r.code(), err);
        assertTrue(err.contains("embedded default data"), err);
        assertTrue(err.contains("failed gates: min_train_rows"), err);
        noStackTrace(r);
        Path dirOut = Path.of(lastLine(r.out()));
        assertTrue(dirOut.isAbsolute() && dirOut.startsWith(dir.toAbsolutePath()), "last line on exit 3 too: " + r.out());
        assertFalse(Files.exists(dir.resolve("models/BTC/1h/LATEST.json")), "a rejected run is never promoted");
    }

    @Test
    void evaluateJsonHasEveryContractField() throws IOException {
        CliRun r = CliRun.run(home, "evaluate", "--tf", "5m", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = oneDocument(r.out());
        assertTrue(doc.get("artifacts").size() >= 1);
        for (JsonNode a : doc.get("artifacts")) {
            for (String f : List.of("tf", "artifact", "model", "promoted", "flagged", "reasons", "predicted_shares", "argmax_shares",
                    "label_shares", "metrics", "baselines", "funnel")) {
                assertTrue(a.has(f), "artifact field " + f + ": " + a);
            }
            assertTrue(a.get("promoted").isBoolean() && a.get("flagged").isBoolean() && a.get("reasons").isArray());
            for (String shares : List.of("predicted_shares", "argmax_shares", "label_shares")) {
                for (String side : List.of("down", "neutral", "up")) assertTrue(a.get(shares).get(side).isNumber(), shares + "." + side);
            }
            for (String f : List.of("rows", "balanced_accuracy", "log_loss", "brier", "ece", "mcc", "ic", "sharpe_net", "psr")) {
                assertTrue(a.get("metrics").has(f), "metrics." + f);
            }
            assertTrue(a.get("baselines").size() > 0);
            a.get("baselines").properties().forEach(b -> {
                for (String f : List.of("balanced_accuracy", "log_loss", "sharpe_net")) assertTrue(b.getValue().has(f), b.getKey() + "." + f);
            });
            assertTrue(a.get("funnel").isObject());
        }
    }

    @Test
    void runLiveDefaultsResumeAndStatusWithoutStateDir() throws IOException {
        CliRun first = CliRun.run(home, "run-live", "--tf", "5m", "--max-bars", "300");
        assertEquals(0, first.code(), first.err());
        Path state = Workspace.at(home).stateDir("BTC", Timeframe.M5);
        assertTrue(Files.isDirectory(state), "default state dir <home>/state/<SYMBOL>/<tf>");
        CliRun second = CliRun.run(home, "run-live", "--tf", "5m", "--max-bars", "200");
        assertEquals(0, second.code(), second.err());
        CliRun st = CliRun.run(home, "status", "--json");
        assertEquals(0, st.code(), st.err());
        JsonNode s = oneDocument(st.out());
        assertEquals(500, s.get("bars_processed").asLong(), "the second run resumed from the last completed bar");
        for (String f : List.of("tf", "artifact", "mode", "bars_processed", "last_bar_ts", "position", "equity", "realized_pnl", "signals",
                "orders", "round_trips", "blocked", "halted")) {
            assertTrue(s.has(f), "status field " + f);
        }
        for (String f : List.of("signals", "orders")) assertTrue(s.get(f).has("buy") && s.get(f).has("sell"), f);
        assertEquals("paper", s.get("mode").asText());
        assertEquals(0, CliRun.run(home, "status", "--symbol", "BTC", "--json").code());
        CliRun none = CliRun.run(home, "status", "--symbol", "ETH");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("ETH"), none.err());
    }

    @Test
    void aRelativeStateDirIsUnderHome() throws IOException {
        CliRun r = CliRun.run(home, "run-live", "--tf", "5m", "--max-bars", "20", "--state-dir", "rel-state/a");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isDirectory(home.resolve("rel-state/a")), "relative --state-dir resolves under --home");
        CliRun st = CliRun.run(home, "status", "--state-dir", "rel-state/a", "--json");
        assertEquals(0, st.code(), st.err());
        assertEquals(20, oneDocument(st.out()).get("bars_processed").asLong());
    }

    @Test
    void benchesPrintBarsPerSecond() throws IOException {
        for (String[] args : List.of(new String[]{"bench", "import", "--rows", "20000", "--warmup", "0", "--iterations", "1"},
                new String[]{"bench", "train", "--synthetic", "--tf", "24h", "--model", "logreg", "--rows", "1500"},
                new String[]{"bench", "live", "--bars", "1000", "--model", "logreg"})) {
            CliRun r = CliRun.run(home, args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().lines().findFirst().orElse("").matches("\\d+ bars/s"), String.join(" ", args) + ": " + r.out());
        }
        try (Stream<Path> s = Files.list(home)) {
            assertTrue(s.map(p -> p.getFileName().toString()).noneMatch(n -> n.startsWith(".msb-bench") || n.endsWith(".bars")),
                    "bench scratch files live under --home and are deleted");
        }
    }
}
