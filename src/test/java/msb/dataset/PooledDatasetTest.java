package msb.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.data.Bars;
import msb.data.SyntheticMarket;
import org.junit.jupiter.api.Test;

/**
 * Pooling several symbols' datasets: common time cut-offs (no TRAIN row of any symbol closes after a VAL row of
 * any symbol), purge and embargo within each symbol's series, rows interleaved by time, and features that stay
 * each symbol's own.
 */
class PooledDatasetTest {
    static final long HOUR = 3600;
    static final long START = 1_577_836_800L; // 2020-01-01

    /** A 1h dataset of a seeded synthetic market whose first bar opens {@code offsetBars} after START. */
    static Dataset dataset(String symbol, int bars, long seed, int offsetBars) {
        Bars b = new SyntheticMarket(bars, HOUR, 0.2, 3, 50, seed, START + offsetBars * HOUR).generate();
        return DatasetBuilder.compute(b, null, null, Timeframe.H1, symbol, LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
    }

    @Test
    void cutOffsAreCommonTimesAndNoTrainRowClosesAfterAnyValRow() {
        // B starts 1,500 bars later than A and is shorter: by row counts alone their splits would fall at other times
        Dataset a = dataset("A", 4000, 1, 0), b = dataset("B", 2500, 2, 1500);
        int h = LabelSpec.DEFAULT.horizonBars();
        PooledDataset p = PooledDataset.of(List.of(a, b), SplitSpec.DEFAULT, h);
        Dataset d = p.pooled();
        assertEquals(a.rows() + b.rows(), d.rows());
        long lastTrain = Long.MIN_VALUE, firstVal = Long.MAX_VALUE, lastVal = Long.MIN_VALUE, firstTest = Long.MAX_VALUE;
        for (int i = 0; i < d.rows(); i++) {
            if (i > 0) assertTrue(d.ts()[i] >= d.ts()[i - 1], "pooled rows are in bar-close order");
            long t = d.ts()[i];
            switch (d.split()[i]) {
                case TRAIN -> lastTrain = Math.max(lastTrain, t);
                case VAL -> { firstVal = Math.min(firstVal, t); lastVal = Math.max(lastVal, t); }
                case TEST -> firstTest = Math.min(firstTest, t);
                default -> { }
            }
        }
        assertTrue(lastTrain < p.valFromTs() && p.valFromTs() <= firstVal, "every TRAIN row closes before the common VAL cut-off");
        assertTrue(lastVal < p.testFromTs() && p.testFromTs() <= firstTest, "every VAL row closes before the common TEST cut-off");
        // the label of the last TRAIN row of every symbol ends before any VAL row: purge by the horizon within the symbol
        for (int m = 0; m < 2; m++) {
            int[] train = p.rowsOf(Split.TRAIN, m), val = p.rowsOf(Split.VAL, m);
            assertTrue(train.length > 0 && val.length > 0, "both symbols have TRAIN and VAL rows");
            long labelEnd = d.ts()[train[train.length - 1]] + h * HOUR;
            assertTrue(labelEnd < firstVal, p.symbols().get(m) + ": the last TRAIN label ends at " + labelEnd + ", VAL starts " + firstVal);
        }
        // fractions apply to the pooled rows: about 60% TRAIN before purges
        double trainShare = (double) p.rowsOf(Split.TRAIN, 0).length + p.rowsOf(Split.TRAIN, 1).length;
        assertEquals(0.6, trainShare / d.rows(), 0.01);
    }

    @Test
    void purgeAndEmbargoAreAppliedWithinEachSymbolsSeries() {
        Dataset a = dataset("A", 3000, 3, 0), b = dataset("B", 3000, 4, 700);
        int h = 3, embargo = SplitSpec.DEFAULT.embargoBars();
        PooledDataset p = PooledDataset.of(List.of(a, b), SplitSpec.DEFAULT, h);
        for (Dataset m : p.members()) {
            Split[] s = m.split();
            int firstVal = firstIndex(s, Split.VAL), firstTest = firstIndex(s, Split.TEST);
            // each symbol's own series: h PURGED rows end its TRAIN part, then its VAL part opens with the embargo
            int lastTrain = lastIndex(s, Split.TRAIN);
            for (int i = lastTrain + 1; i <= lastTrain + h; i++) assertEquals(Split.PURGED, s[i], m.symbol() + " row " + i);
            for (int i = lastTrain + h + 1; i < lastTrain + h + 1 + embargo; i++) assertEquals(Split.EMBARGO, s[i], m.symbol() + " row " + i);
            assertEquals(lastTrain + h + embargo + 1, firstVal, m.symbol() + ": VAL starts after purge and embargo");
            int lastVal = lastIndex(s, Split.VAL);
            assertEquals(lastVal + h + embargo + 1, firstTest, m.symbol() + ": TEST starts after purge and embargo");
            assertTrue(m.ts()[lastTrain + 1] >= p.valFromTs() - h * HOUR, "the purge sits at the common cut-off");
        }
        assertNotEquals(firstIndex(p.members().get(0).split(), Split.VAL), firstIndex(p.members().get(1).split(), Split.VAL),
                "different starts: the same time cut-off falls at other row counts");
    }

    @Test
    void aSymbolsFeatureRowsDoNotDependOnAnotherSymbolsBars() {
        Dataset a = dataset("A", 2500, 5, 0);
        PooledDataset one = PooledDataset.of(List.of(a, dataset("B", 2500, 6, 0)), SplitSpec.DEFAULT, 1);
        // another market entirely for B (other seed, drift and volatility, later start): A's rows must not move
        Bars other = new SyntheticMarket(2300, HOUR, 0.0, -8, 120, 99, START + 200 * HOUR).generate();
        Dataset b2 = DatasetBuilder.compute(other, null, null, Timeframe.H1, "B", LabelSpec.DEFAULT, SplitSpec.DEFAULT).dataset();
        PooledDataset two = PooledDataset.of(List.of(a, b2), SplitSpec.DEFAULT, 1);
        double[][] x1 = rowsOf(one, 0), x2 = rowsOf(two, 0);
        assertEquals(a.rows(), x1.length);
        assertEquals(x1.length, x2.length);
        for (int i = 0; i < x1.length; i++) assertArrayEquals(x1[i], x2[i], 0.0, "A's feature row " + i);
        for (int i = 0; i < a.rows(); i++) assertArrayEquals(a.x()[i], x1[i], 0.0, "pooling copies A's own rows");
    }

    @Test
    void refusesOneSymbolMixedSchemasAndDuplicates() {
        Dataset a = dataset("A", 1500, 7, 0);
        assertThrows(UserInputException.class, () -> PooledDataset.of(List.of(a), SplitSpec.DEFAULT, 1));
        assertThrows(UserInputException.class, () -> PooledDataset.of(List.of(a, a), SplitSpec.DEFAULT, 1));
        Dataset other = new Dataset(a.tf(), "B", List.of("x"), "another-schema", a.ts(), new double[a.rows()][1], a.label(), a.split(),
                a.close(), a.fwdReturn(), "sha");
        assertThrows(UserInputException.class, () -> PooledDataset.of(List.of(a, other), SplitSpec.DEFAULT, 1));
    }

    private static double[][] rowsOf(PooledDataset p, int m) {
        return java.util.stream.IntStream.range(0, p.pooled().rows()).filter(i -> p.symbolOfRow()[i] == m)
                .mapToObj(i -> p.pooled().x()[i]).toArray(double[][]::new);
    }

    private static int firstIndex(Split[] s, Split part) {
        for (int i = 0; i < s.length; i++) if (s[i] == part) return i;
        return -1;
    }

    private static int lastIndex(Split[] s, Split part) {
        for (int i = s.length - 1; i >= 0; i--) if (s[i] == part) return i;
        return -1;
    }
}
