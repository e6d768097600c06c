package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import msb.core.ParquetFiles;
import msb.core.Table;
import msb.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * freqtrade's feather data and Parquet import to the same bars as the equivalent CSV (fixtures made by
 * {@link InteropFixtures}, see src/test/resources/interop/README.md); Parquet written by msb reads back equal.
 */
class InteropImportTest {
    /** Values copied or restored, not recomputed, compare bit for bit. */
    private static final double EXACT = 0.0;

    static final Path DIR = Path.of("src/test/resources/interop");

    static BarImporter.Result read(String file) { return BarImporter.read(DIR.resolve(file), BarImporter.Options.auto()); }

    @Test
    void featherParquetAndCsvGiveTheSameBars() {
        Bars csv = read("BTC_USDT-5m.csv").bars();
        for (String f : List.of("BTC_USDT-5m.feather", "BTC_USDT-5m.parquet")) {
            BarImporter.Result r = read(f);
            assertEquals(f.endsWith(".feather") ? ImportFormat.FEATHER : ImportFormat.PARQUET, r.format());
            Bars b = r.bars();
            assertEquals(InteropFixtures.BARS, b.size());
            assertEquals(300, b.intervalSec());
            // freqtrade's date is the candle's open: stored stamped at the close
            assertEquals(InteropFixtures.FIRST_OPEN_SEC + 300, b.firstTs());
            assertArrayEquals(csv.ts(), b.ts(), f);
            for (double[][] pair : List.of(new double[][]{csv.open(), b.open()}, new double[][]{csv.high(), b.high()},
                    new double[][]{csv.low(), b.low()}, new double[][]{csv.close(), b.close()},
                    new double[][]{csv.volume(), b.volume()})) {
                assertArrayEquals(pair[0], pair[1], 0.0, f);
            }
        }
    }

    @Test
    void parquetRoundTripsEveryColumnKind(@TempDir Path tmp) {
        Table t = new Table(List.of(
                new Table.Times("time", new long[]{1_735_689_600_000L, 1_735_689_900_000L, 1_735_690_200_000L}),
                new Table.Longs("label", new long[]{-1, 0, 1}),
                new Table.Doubles("p_up", new double[]{0.25, Double.NaN, 1e-17}),
                new Table.Strings("split", new String[]{"train", null, "test ü"})));
        Path file = tmp.resolve("t.parquet");
        ParquetFiles.write(file, t);
        Table back = ParquetFiles.read(file.toString(), readAll(file), null);
        assertEquals(t.names(), back.names());
        assertArrayEquals(((Table.Times) t.column("time")).epochMs(), ((Table.Times) back.column("time")).epochMs());
        assertArrayEquals(((Table.Longs) t.column("label")).values(), ((Table.Longs) back.column("label")).values());
        assertArrayEquals(((Table.Doubles) t.column("p_up")).values(), ((Table.Doubles) back.column("p_up")).values(), EXACT);
        assertEquals(Arrays.asList(((Table.Strings) t.column("split")).values()),
                Arrays.asList(((Table.Strings) back.column("split")).values()));
        Table some = ParquetFiles.read(file.toString(), readAll(file), java.util.Set.of("LABEL"));
        assertEquals(List.of("label"), some.names());
    }

    @Test
    void refusalsNameTheFileAndTheFix(@TempDir Path tmp) throws Exception {
        Path noClose = tmp.resolve("no-close.parquet");
        ParquetFiles.write(noClose, new Table(List.of(new Table.Times("date", new long[]{1_735_689_600_000L}),
                new Table.Doubles("open", new double[]{1}), new Table.Doubles("high", new double[]{1}),
                new Table.Doubles("low", new double[]{1}), new Table.Doubles("volume", new double[]{1}))));
        var e = assertThrows(UserInputException.class, () -> BarImporter.read(noClose, BarImporter.Options.auto()));
        assertTrue(e.getMessage().startsWith(noClose + ": no close column among [date, high, low, open, volume]"), e.getMessage());

        var wrong = assertThrows(UserInputException.class, () -> BarImporter.read(DIR.resolve("BTC_USDT-5m.feather"),
                new BarImporter.Options(ImportFormat.PARQUET, true, 0)));
        assertTrue(wrong.getMessage().contains("is not a parquet file (it is feather)"), wrong.getMessage());

        byte[] whole = Files.readAllBytes(DIR.resolve("BTC_USDT-5m.feather"));
        Path cut = tmp.resolve("cut.feather");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        var trunc = assertThrows(UserInputException.class, () -> BarImporter.read(cut, BarImporter.Options.auto()));
        assertTrue(trunc.getMessage().startsWith(cut + ": not a Feather/Arrow file msb can read")
                && trunc.getMessage().endsWith("write or download it again"), trunc.getMessage());

        Path late = tmp.resolve("unsorted.parquet");
        ParquetFiles.write(late, new Table(List.of(new Table.Times("date", new long[]{1_735_689_900_000L, 1_735_689_600_000L}),
                new Table.Doubles("open", new double[]{1, 1}), new Table.Doubles("high", new double[]{1, 1}),
                new Table.Doubles("low", new double[]{1, 1}), new Table.Doubles("close", new double[]{1, 1}),
                new Table.Doubles("volume", new double[]{1, 1}))));
        var order = assertThrows(UserInputException.class, () -> BarImporter.read(late, BarImporter.Options.auto()));
        assertTrue(order.getMessage().startsWith(late + " record 2: time 2025-01-01T00:00:00Z is earlier than record 1"),
                order.getMessage());
    }

    private static byte[] readAll(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
