package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import msb.core.UserInputException;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawStoreTest {
    @TempDir
    Path home;

    private static Bars bars(long intervalSec, long firstClose, int n, double base) {
        BarsBuilder b = new BarsBuilder();
        for (int i = 0; i < n; i++) b.add(firstClose + i * intervalSec, base + i, base + i + 2, base + i - 1, base + i + 1, (base + i) / 100);
        return b.build(intervalSec);
    }

    @Test void replaceWritesBarsAndSidecar() {
        Workspace ws = Workspace.at(home);
        Bars b = bars(3600, 1_700_002_800, 10, 100);
        SourceInfo info = RawStore.replace(ws, "BTC", "s1", b, "s1.csv", "abc", "csv");
        assertEquals(10, info.rows());
        assertEquals(3600, info.intervalSec());
        assertEquals("2023-11-14T22:00:00Z", info.firstOpen());
        assertEquals(Intervals.iso(b.lastTs()), info.lastClose());
        assertEquals(msb.core.Hashing.sha256(ws.rawDir("BTC").resolve("s1.bars")), info.barsSha256());
        assertEquals(info, RawStore.source(ws, "BTC", "s1").orElseThrow());
        assertArrayEquals(b.close(), RawStore.load(ws, "BTC", "s1").close());
        RawStore.replace(ws, "BTC", "s1", bars(3600, 1_800_000_000, 3, 50), "s1.csv", "def", "csv");
        assertEquals(3, RawStore.load(ws, "BTC", "s1").size(), "re-import replaces");
    }

    @Test void mergeIsIdempotentAndNewerBarsWin() {
        Workspace ws = Workspace.at(home);
        Bars a = bars(300, 1_700_000_100, 10, 100);
        RawStore.MergeResult m1 = RawStore.merge(ws, "BTC", "hl", a, "api", "", "hyperliquid-api");
        assertEquals(10, m1.added());
        Bars overlap = bars(300, 1_700_000_100 + 5 * 300, 10, 105); // 5 overlap (identical values), 5 new
        RawStore.MergeResult m2 = RawStore.merge(ws, "BTC", "hl", overlap, "api", "", "hyperliquid-api");
        assertEquals(5, m2.added());
        assertEquals(5, m2.unchanged());
        assertEquals(0, m2.replaced());
        String sha = m2.info().barsSha256();
        RawStore.MergeResult m3 = RawStore.merge(ws, "BTC", "hl", overlap, "api", "", "hyperliquid-api");
        assertEquals(0, m3.added());
        assertEquals(10, m3.unchanged());
        assertEquals(sha, msb.core.Hashing.sha256(ws.rawDir("BTC").resolve("hl.bars")), "an idempotent merge rewrites nothing");
        Bars changed = bars(300, 1_700_000_100, 1, 100.5);
        assertEquals(1, RawStore.merge(ws, "BTC", "hl", changed, "api", "", "x").replaced());
        Bars all = RawStore.load(ws, "BTC", "hl");
        assertEquals(15, all.size());
        assertEquals(100.5, all.open()[0]);
        assertTrue(all.gaps().isEmpty());
    }

    @Test void mergeRefusesAnotherInterval() {
        Workspace ws = Workspace.at(home);
        RawStore.merge(ws, "BTC", "hl", bars(300, 1_700_000_100, 3, 100), "api", "", "x");
        UserInputException e = assertThrows(UserInputException.class,
                () -> RawStore.merge(ws, "BTC", "hl", bars(3600, 1_700_002_800, 3, 100), "api", "", "x"));
        assertTrue(e.getMessage().contains("--source"), e.getMessage());
    }

    @Test void finestPicksTheShortestIntervalThenMostRows() {
        Workspace ws = Workspace.at(home);
        assertTrue(RawStore.finest(ws, "BTC").isEmpty());
        RawStore.replace(ws, "BTC", "h4", bars(14_400, 1_700_006_400, 50, 100), "a", "", "csv");
        RawStore.replace(ws, "BTC", "m5-short", bars(300, 1_700_000_100, 5, 100), "b", "", "csv");
        RawStore.replace(ws, "BTC", "m5-long", bars(300, 1_700_000_100, 8, 100), "c", "", "csv");
        assertEquals("m5-long", RawStore.finest(ws, "BTC").orElseThrow().source());
        assertEquals(3, RawStore.sources(ws, "BTC").size());
        assertTrue(RawStore.sources(ws, "ETH").isEmpty());
    }

    @Test void loadingAMissingSourceListsTheStoredOnes() {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "only", bars(300, 1_700_000_100, 2, 100), "a", "", "csv");
        UserInputException e = assertThrows(UserInputException.class, () -> RawStore.load(ws, "BTC", "other"));
        assertTrue(e.getMessage().contains("only"), e.getMessage());
    }

    /**
     * The torn store of issue 12 (new bars beside the metadata of the old ones, as a kill between two
     * separate replacements left it): readers refuse it naming the file and the fix; dataset build exits 2
     * instead of writing a manifest that names the old sha256.
     */
    @Test void barsThatDisagreeWithTheirMetadataAreRefusedByEveryReader() throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "s1", bars(300, 1_700_000_100, 400, 100), "s1.csv", "abc", "csv");
        Path json = ws.rawDir("BTC").resolve("s1.json");
        String oldInfo = java.nio.file.Files.readString(json);
        RawStore.replace(ws, "BTC", "s1", bars(300, 1_700_000_100, 500, 90), "s1.csv", "def", "csv");
        java.nio.file.Files.writeString(json, oldInfo);
        UserInputException e = assertThrows(UserInputException.class, () -> RawStore.load(ws, "BTC", "s1"));
        assertTrue(e.getMessage().contains(ws.rawDir("BTC").resolve("s1.bars") + ": sha256 ")
                && e.getMessage().contains("does not match s1.json's") && e.getMessage().contains("msb data import"), e.getMessage());
        CliRun r = CliRun.run(home, "dataset", "build", "--tf", "5m");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("msb: ") && r.err().contains("s1.bars: sha256") && !r.err().contains("\tat "), r.err());
        assertTrue(!java.nio.file.Files.exists(ws.datasetDir("BTC", msb.core.Timeframe.M5).resolve("manifest.json")),
                "no manifest naming the wrong file");
    }

    /** A cut bar file fails both the read and the check (read side by side): the check's verdict is the one reported. */
    @Test void aCutBarFileIsReportedAsNotMatchingItsSha256() throws Exception {
        Workspace ws = Workspace.at(home);
        RawStore.replace(ws, "BTC", "s1", bars(300, 1_700_000_100, 400, 100), "s1.csv", "abc", "csv");
        Path file = ws.rawDir("BTC").resolve("s1.bars");
        byte[] b = java.nio.file.Files.readAllBytes(file);
        java.nio.file.Files.write(file, java.util.Arrays.copyOf(b, b.length - 8));
        UserInputException e = assertThrows(UserInputException.class, () -> RawStore.load(ws, "BTC", "s1"));
        assertTrue(e.getMessage().contains("s1.bars: sha256 ") && e.getMessage().contains("does not match s1.json's"), e.getMessage());
    }

    @Test void sourceNamesAreSanitised() {
        assertEquals("Coinbase-BTC-USD-PT4H-20160518_20251028",
                RawStore.sourceNameOf(Path.of("/x/Coinbase-BTC-USD-PT4H-20160518_20251028.json")));
        assertEquals("my-file-v2", RawStore.sourceNameOf(Path.of("my file:v2.csv")));
        assertEquals("hidden", RawStore.sourceNameOf(Path.of(".hidden.csv")));
    }

    @Test void fundingPicksTheLargestSeries() {
        Workspace ws = Workspace.at(home);
        assertTrue(RawStore.funding(ws, "BTC").isEmpty());
        FundingStore.replace(ws, "BTC", "small", new FundingSeries(new long[]{1, 2}, new double[]{1e-5, 2e-5}), "a", "", "csv", 8, 0);
        FundingStore.replace(ws, "BTC", "big", new FundingSeries(new long[]{1, 2, 3}, new double[]{3e-5, 2e-5, 1e-5}), "b", "", "csv", 8, 0);
        FundingSeries f = RawStore.funding(ws, "BTC").orElseThrow();
        assertEquals(3, f.size());
        assertEquals(3e-5, f.rateAt(1));
    }
}
