package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.model.ModelKind;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;

/**
 * A small workspace for runner tests (tests only): synthetic 5m bars with autocorrelated returns (so a
 * logistic regression finds a real, two-sided signal), imported, built into a dataset and trained.
 */
public final class LiveFixture {
    public static final long FIRST_OPEN_TS = 1_700_000_100L - 300;

    private LiveFixture() {}

    /** A CSV of {@code n} 5m bars (open times), AR(1) returns, seeded. */
    public static Path syntheticCsv(Path file, int n, long seed) {
        Random rnd = new Random(seed);
        StringBuilder b = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 30_000;
        double r = 0;
        for (int i = 0; i < n; i++) {
            r = 0.6 * r + 0.002 * rnd.nextGaussian();
            double open = price;
            double close = open * Math.exp(r);
            double high = Math.max(open, close) * (1 + 0.0005 * rnd.nextDouble());
            double low = Math.min(open, close) * (1 - 0.0005 * rnd.nextDouble());
            b.append(FIRST_OPEN_TS + 300L * i).append(',').append(open).append(',').append(high).append(',')
                    .append(low).append(',').append(close).append(',').append(10 + rnd.nextInt(20)).append('\n');
            price = close;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Imports {@code n} synthetic bars into {@code home}, builds the 5m dataset and trains {@code kind}. */
    public static TrainResult homeWithArtifact(Path home, int n, ModelKind kind) {
        return homeWithArtifact(home, n, kind, msb.signal.SignalMode.CENTRED);
    }

    /** {@link #homeWithArtifact} for tests that need it promoted: fails the calling test's set-up if it is not. */
    public static TrainResult homeWithPromotedArtifact(Path home, int n, ModelKind kind) {
        TrainResult trained = homeWithArtifact(home, n, kind);
        org.junit.jupiter.api.Assertions.assertTrue(trained.promoted(),
                "fixture artifact must be promoted: " + trained.failedGates());
        return trained;
    }

    public static TrainResult homeWithArtifact(Path home, int n, ModelKind kind, msb.signal.SignalMode signal) {
        Workspace ws = Workspace.at(home);
        Path csv = syntheticCsv(home.resolve("input/bars.csv"), n, 7);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        int code = msb.cli.Main.commandLine().execute("--home", home.toString(), "data", "import", "--in", csv.toString());
        if (code != 0) throw new IllegalStateException("data import of " + csv + " failed with exit " + code);
        Dataset ds = DatasetBuilder.loadOrBuild(ws, "BTC", Timeframe.M5, DatasetBuilder.Options.DEFAULT, quiet);
        JsonNode manifest = Json.read(ws.datasetDir("BTC", Timeframe.M5).resolve(DatasetBuilder.MANIFEST_FILE), JsonNode.class);
        return Training.train(ws, "BTC", Timeframe.M5, new TrainingData(ds, manifest, "synthetic"),
                TrainOptions.defaults().withModel(kind).withQuiet(true).withSignal(signal, Timeframe.M5), quiet,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    /**
     * Copies {@code runDir} as a {@code tf} run of {@code home} and promotes it there (LATEST.json), so that a
     * multi-timeframe runner finds a promoted artifact for {@code tf} without training one.
     */
    public static Path promotedAs(Path home, Path runDir, Timeframe tf) {
        Path target = asTimeframe(runDir, tf, Workspace.at(home).modelsDir("BTC", tf).resolve(runDir.getFileName()));
        Json.write(target.getParent().resolve(msb.model.ArtifactStore.LATEST), new msb.model.ArtifactStore.Latest(
                target.getFileName().toString(), Hashing.sha256(target.resolve("manifest.json")), "2026-01-01T00:00:00Z"));
        return target;
    }

    /** A copy of a run directory whose manifest claims another timeframe (content hash recomputed). */
    public static Path asTimeframe(Path runDir, Timeframe tf, Path target) {
        try {
            Files.createDirectories(target);
            try (var files = Files.list(runDir)) {
                for (Path f : files.toList()) Files.copy(f, target.resolve(f.getFileName()));
            }
            ObjectNode m = (ObjectNode) Json.mapper().readTree(target.resolve("manifest.json").toFile());
            m.put("tf", tf.label());
            m.remove("content_sha256");
            m.put("content_sha256", Hashing.sha256(Json.pretty(m)));
            Files.writeString(target.resolve("manifest.json"), Json.pretty(m));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The soak tests' venue: a pro and an amateur wallet with a fill every 5 minutes from {@code startSec} for 13
     * hours (every fifth amateur fill listed 400 s late when {@code lateFills}), a 20-minute candle outage from
     * {@code outageHour} hours in, and {@code n429} 429s on candles and on fills. Returns the cohorts file.
     */
    static Path soakVenue(Path home, HyperliquidStub stub, long startSec, boolean lateFills, int outageHour, int n429)
            throws IOException {
        String pro = "0x" + "1".repeat(40);
        String amateur = "0x" + "2".repeat(40);
        for (int i = 0; i < 12 * 12 + 12; i++) {
            long ms = startSec * 1000 + 30_000 + i * 300_000L;
            stub.fills.add(new HyperliquidStub.StubFill(pro, 10_000 + i, ms, i % 3 == 0 ? "A" : "B", 30_000, 1, "BTC", 0));
            stub.fills.add(new HyperliquidStub.StubFill(amateur, 20_000 + i, ms, i % 4 == 0 ? "B" : "A", 30_000, 2, "BTC",
                    lateFills && i % 5 == 0 ? ms + 400_000 : 0));
        }
        stub.outageFromMs = (startSec + outageHour * 3600L) * 1000;
        stub.outageToMs = (startSec + outageHour * 3600L + 1200) * 1000;
        for (int i = 0; i < n429; i++) stub.errors.add(new HyperliquidStub.Error(429, "1"));
        for (int i = 0; i < n429; i++) stub.fillErrors.add(new HyperliquidStub.Error(429, null));
        return Files.writeString(home.resolve("cohorts.txt"), "pros," + pro + "\namateurs," + amateur + "\n");
    }

    /** 12 hours of 5m and 1h on the stub's feed, state under {@code dir}; {@code retrainEveryOrNull} as --retrain-every. */
    static java.util.List<RunLive.Options> soakOptions(Path dir, String baseUrl, String retrainEveryOrNull) {
        java.net.URI url = java.net.URI.create(baseUrl);
        return java.util.List.of(
                RunLive.Options.of(Timeframe.M5, "BTC", RunLive.FeedKind.HYPERLIQUID, dir.resolve("5m")).withMaxBars(12 * 12)
                        .withBaseUrl(url).withRetrainEvery(retrainEveryOrNull),
                RunLive.Options.of(Timeframe.H1, "BTC", RunLive.FeedKind.HYPERLIQUID, dir.resolve("1h")).withMaxBars(12)
                        .withBaseUrl(url).withRetrainEvery(retrainEveryOrNull));
    }
}
