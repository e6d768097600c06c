package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.UserInputException;
import msb.core.Workspace;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Taker-buy volume: kept on import of Binance klines, stored, resampled and merged; absent elsewhere. */
class TakerBuyTest {
    private static final double EXACT = 0.0;

    /** Four 5m klines; field 10 (taker_buy_base) = 1, 0.5, 2, 0. */
    private static final String KLINES = "1700000100000,100,101,99,100,3,1700000399999,300,5,1,100,0\n"
            + "1700000400000,100,102,99,101,2,1700000699999,200,4,0.5,50,0\n"
            + "1700000700000,101,103,100,102,4,1700000999999,400,6,2,200,0\n"
            + "1700001000000,102,102,100,101,1,1700001299999,100,2,0,0,0\n";

    private static Bars read(String text) {
        return BarImporter.read("k.csv", text.getBytes(StandardCharsets.UTF_8), BarImporter.Options.auto()).bars();
    }

    @Test
    void klinesKeepTheTakerBuyColumnAndOtherLayoutsHaveNone() {
        Bars b = read(KLINES);
        assertTrue(b.hasTakerBuy());
        assertArrayEquals(new double[]{1, 0.5, 2, 0}, b.takerBuyOrNull(), EXACT);
        assertEquals(0.5, b.get(1).takerBuyVolume(), EXACT);
        Bars generic = read("timestamp,open,high,low,close,volume\n1700000100,1,1,1,1,1\n1700000400,1,1,1,1,1\n");
        assertFalse(generic.hasTakerBuy());
        assertTrue(Double.isNaN(generic.get(0).takerBuyVolume()));
    }

    @Test
    void aTakerBuyAboveTheVolumeIsRefusedNamingTheLine() {
        var e = assertThrows(UserInputException.class, () -> read(KLINES.replace(",2,1700000699999,200,4,0.5,", ",2,1700000699999,200,4,2.5,")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("taker-buy volume 2.5"), e.getMessage());
    }

    @Test
    void storedAsVersion2OnlyWhenPresent(@TempDir Path dir) throws Exception {
        Bars b = read(KLINES);
        BarFile.write(dir.resolve("t.bars"), b);
        Bars back = BarFile.read(dir.resolve("t.bars"));
        assertArrayEquals(b.takerBuyOrNull(), back.takerBuyOrNull(), EXACT);
        assertArrayEquals(b.close(), back.close(), EXACT);
        Bars plain = b.slice(0, 4);
        Bars without = new Bars(plain.intervalSec(), plain.ts(), plain.open(), plain.high(), plain.low(), plain.close(), plain.volume());
        BarFile.write(dir.resolve("p.bars"), without);
        assertEquals(24 + 4 * 48, Files.size(dir.resolve("p.bars")), "no taker column: the version 1 layout, byte for byte");
        assertNull(BarFile.read(dir.resolve("p.bars")).takerBuyOrNull());
    }

    @Test
    void resampledAsASumAndMergedWithTheBars(@TempDir Path home) {
        Bars b = read(KLINES);
        Bars tenMin = Resampler.resample(b, 600).bars();
        // buckets (.., 1700000400], (.., 1700001000]: bars 1 alone is incomplete at the start? check by ts
        for (int k = 0; k < tenMin.size(); k++) {
            double sum = 0;
            for (int i = 0; i < b.size(); i++) {
                if (b.ts(i) > tenMin.ts(k) - 600 && b.ts(i) <= tenMin.ts(k)) sum += b.takerBuyOrNull()[i];
            }
            assertEquals(sum, tenMin.takerBuyOrNull()[k], EXACT);
        }
        assertTrue(tenMin.size() >= 1);
        Workspace ws = Workspace.at(home);
        RawStore.merge(ws, "BTC", "k", b.slice(0, 2), "k.csv", "x", "binance-klines");
        RawStore.MergeResult m = RawStore.merge(ws, "BTC", "k", b.slice(1, 4), "k.csv", "y", "binance-klines");
        assertEquals(2, m.added());
        assertArrayEquals(b.takerBuyOrNull(), RawStore.load(ws, "BTC", "k").takerBuyOrNull(), EXACT);
    }

    @Test
    @Tag("realdata")
    void hmate9BinanceFileKeepsItsTakerBuys() {
        Path file = Path.of(System.getProperty("msb.shared.data", ""), "hmate9", "BTCUSDT_1h.csv");
        Assumptions.assumeTrue(Files.isRegularFile(file), "real data absent: " + file + " (set -Dmsb.shared.data)");
        Bars b = BarImporter.read(file, BarImporter.Options.auto()).bars();
        assertTrue(b.hasTakerBuy());
        // first row: volume 0.002, taker_buy_asset_volume 0.001
        assertEquals(0.002, b.volume()[0], EXACT);
        assertEquals(0.001, b.takerBuyOrNull()[0], EXACT);
        double share = 0;
        for (int i = 0; i < b.size(); i++) share += b.volume()[i] == 0 ? 0 : b.takerBuyOrNull()[i] / b.volume()[i];
        share /= b.size();
        assertTrue(share > 0.3 && share < 0.7, "mean taker share " + share);
    }
}
