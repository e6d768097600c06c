package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import msb.core.UserInputException;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundingImportTest {
    @TempDir
    Path tmp;

    private static FundingImporter.Result read(String content, FundingImporter.Format f, double periodHours) {
        return FundingImporter.read("f", content.getBytes(StandardCharsets.UTF_8), f, periodHours);
    }

    @Test void csvRatesPerEightHoursBecomePerHour() {
        FundingImporter.Result r = read("ts,rate\n1700000000,0.0008\n1700028800,-0.0004\n", FundingImporter.Format.AUTO, 8);
        assertEquals(FundingImporter.Format.CSV, r.format());
        assertArrayEquals(new long[]{1700000000, 1700028800}, r.series().ts());
        assertArrayEquals(new double[]{0.0001, -0.00005}, r.series().ratePerHour(), 1e-18);
    }

    @Test void csvWithoutHeaderAndHourlyPeriod() {
        FundingImporter.Result r = read("2023-11-14T22:00:00Z,0.0001\n2023-11-14T23:00:00Z,0.0002\n", FundingImporter.Format.CSV, 1);
        assertArrayEquals(new double[]{0.0001, 0.0002}, r.series().ratePerHour(), 1e-18);
    }

    @Test void bitmexReadsThePeriodFromEachRecordAndDropsExactDuplicates() {
        String json = """
                [{"timestamp":"2020-12-31T20:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0008},
                 {"timestamp":"2021-01-01T04:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0001},
                 {"timestamp":"2021-01-01T04:00:00.000Z","symbol":"XBTUSD","fundingInterval":"2000-01-01T08:00:00.000Z","fundingRate":0.0001}]""";
        FundingImporter.Result r = read(json, FundingImporter.Format.AUTO, 8);
        assertEquals(FundingImporter.Format.BITMEX_JSON, r.format());
        assertEquals(1, r.duplicatesDropped());
        assertEquals(8.0, r.periodHours());
        assertArrayEquals(new double[]{0.0001, 0.0000125}, r.series().ratePerHour(), 1e-18);
    }

    @Test void freqtradeRateIsInTheOpenSlot() {
        FundingImporter.Result r = read("[[1700000000000,0.0008,0,0,0,0],[1700028800000,0.0016,0,0,0,0]]", FundingImporter.Format.AUTO, 8);
        assertEquals(FundingImporter.Format.FREQTRADE_JSON, r.format());
        assertArrayEquals(new double[]{0.0001, 0.0002}, r.series().ratePerHour(), 1e-18);
    }

    @Test void hyperliquidIsHourly() {
        FundingImporter.Result r = read("""
                [{"coin":"BTC","fundingRate":"0.0000125","premium":"0.0001","time":1700002800076},
                 {"coin":"BTC","fundingRate":"-0.00001","premium":"0.0001","time":1700006400012}]""", FundingImporter.Format.AUTO, 8);
        assertEquals(FundingImporter.Format.HYPERLIQUID_JSON, r.format());
        assertArrayEquals(new long[]{1700002800, 1700006400}, r.series().ts());
        assertArrayEquals(new double[]{0.0000125, -0.00001}, r.series().ratePerHour(), 1e-18);
    }

    @Test void conflictingDuplicateAndReversalAreRefused() {
        UserInputException dup = assertThrows(UserInputException.class,
                () -> read("ts,rate\n1700000000,0.0001\n1700000000,0.0003\n", FundingImporter.Format.CSV, 8));
        assertTrue(dup.getMessage().contains("line 3") && dup.getMessage().contains("line 2"), dup.getMessage());
        UserInputException rev = assertThrows(UserInputException.class,
                () -> read("[[1700028800000,0.0001,0,0,0,0],[1700000000000,0.0001,0,0,0,0]]", FundingImporter.Format.AUTO, 8));
        assertTrue(rev.getMessage().contains("record 2") && rev.getMessage().contains("earlier"), rev.getMessage());
        UserInputException pct = assertThrows(UserInputException.class,
                () -> read("ts,rate\n1700000000,1.5\n", FundingImporter.Format.CSV, 8));
        assertTrue(pct.getMessage().contains("percent"), pct.getMessage());
    }

    @Test void settlementJitterIsSnappedToTheHourAndCounted() {
        FundingImporter.Result ft = read("[[1758268800005,0.0008,0,0,0,0],[1758297599990,0.0008,0,0,0,0],[1758326400000,0.0008,0,0,0,0]]",
                FundingImporter.Format.AUTO, 8);
        assertArrayEquals(new long[]{1758268800, 1758297600, 1758326400}, ft.series().ts());
        assertEquals(2, ft.snapped());
        assertEquals(10, ft.maxSnapMs());
        FundingImporter.Result binance = read("""
                symbol,funding_date,funding_time,fundingRate,markPrice
                BTCUSDT,2019-09-14,08:00:00,0.0001,0.0
                BTCUSDT,2019-09-14,16:00:00.001000,-6.876e-05,0.0
                """, FundingImporter.Format.AUTO, 8);
        assertArrayEquals(new long[]{1568448000, 1568476800}, binance.series().ts());
        assertEquals(1, binance.snapped());
        assertEquals(1, binance.maxSnapMs());
        assertArrayEquals(new double[]{0.0001 / 8, -6.876e-05 / 8}, binance.series().ratePerHour(), 1e-18);
    }

    @Test void snappingNeverHidesDisorder() {
        UserInputException conflict = assertThrows(UserInputException.class,
                () -> read("[[1758268800005,0.0001,0,0,0,0],[1758268800010,0.0003,0,0,0,0]]", FundingImporter.Format.AUTO, 8));
        assertTrue(conflict.getMessage().contains("record 2") && conflict.getMessage().contains("different rate"), conflict.getMessage());
        FundingImporter.Result same = read("[[1758268800005,0.0001,0,0,0,0],[1758268800010,0.0001,0,0,0,0]]", FundingImporter.Format.AUTO, 8);
        assertEquals(1, same.duplicatesDropped());
        UserInputException back = assertThrows(UserInputException.class,
                () -> read("[[1758297600003,0.0001,0,0,0,0],[1758268800005,0.0001,0,0,0,0]]", FundingImporter.Format.AUTO, 8));
        assertTrue(back.getMessage().contains("earlier"), back.getMessage());
        UserInputException offHour = assertThrows(UserInputException.class,
                () -> read("[[1758270600500,0.0001,0,0,0,0]]", FundingImporter.Format.AUTO, 8));
        assertTrue(offHour.getMessage().contains("off a whole hour"), offHour.getMessage());
    }

    @Test void cliSaysHowManySettlementsWereSnapped() {
        Path file = CliRun.write(tmp.resolve("in"), "BTC_USDT-funding_rate.json", "[[1758268800005,0.0008,0,0,0,0],[1758297600000,0.0016,0,0,0,0]]");
        CliRun r = CliRun.run(tmp.resolve("home"), "data", "import", "--funding", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("snapped:    1 settlement stamps") && r.out().contains("at most 5 ms"), r.out());
    }

    @Test void cliStoresFundingPerHour() {
        Path file = CliRun.write(tmp.resolve("in"), "rates.csv", "ts,rate\n1700000000,0.0008\n1700000000,0.0008\n1700028800,0.0016\n");
        CliRun r = CliRun.run(tmp.resolve("home"), "data", "import", "--funding", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 exact duplicates dropped"), r.out());
        FundingSeries f = RawStore.funding(Workspace.at(tmp.resolve("home")), "BTC").orElseThrow();
        assertArrayEquals(new double[]{0.0001, 0.0002}, f.ratePerHour(), 1e-18);
        assertEquals(0.0001, f.rateAt(1700000000 + 3600), 1e-18);
    }
}
