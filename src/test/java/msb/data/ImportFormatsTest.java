package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Each layout parses to the same two 5m bars opening at 1700000100 (2023-11-14T22:15:00Z), so closing at
 * 1700000400 and 1700000700, whatever the input calls its time (open, close - 1 ms, open ms), both with
 * --format auto and with the format named.
 */
class ImportFormatsTest {
    private static final long[] CLOSES = {1700000400, 1700000700};

    private static Bars check(String content, ImportFormat expected) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        BarImporter.Result auto = BarImporter.read("f", b, BarImporter.Options.auto());
        assertEquals(expected, auto.format(), "sniffed format");
        Bars named = BarImporter.read("f", b, new BarImporter.Options(expected, true, 0)).bars();
        assertArrayEquals(auto.bars().ts(), named.ts());
        Bars bars = auto.bars();
        assertEquals(300, bars.intervalSec());
        assertArrayEquals(CLOSES, bars.ts());
        assertArrayEquals(new double[]{100, 105}, bars.open());
        assertArrayEquals(new double[]{110, 112}, bars.high());
        assertArrayEquals(new double[]{90, 100}, bars.low());
        assertArrayEquals(new double[]{105, 111}, bars.close());
        assertArrayEquals(new double[]{1.5, 2}, bars.volume());
        return bars;
    }

    @Test void genericCsvOpenTimes() {
        check("time,open,high,low,close,volume,extra\n1700000100,100,110,90,105,1.5,x\n1700000400,105,112,100,111,2,y\n",
                ImportFormat.CSV);
    }

    @Test void coinbaseJsonStartIsOpen() {
        check("""
                {"candles":[{"start":"1700000100","low":"90","high":"110","open":"100","close":"105","volume":"1.5"},
                {"start":"1700000400","low":"100","high":"112","open":"105","close":"111","volume":"2"}]}""",
                ImportFormat.COINBASE_JSON);
    }

    @Test void binanceJsonEndTimeIsCloseMinusOneMs() {
        check("""
                {"name":"BTC/USD_PT5M","ohlc":[
                {"endTime":1700000399999,"openPrice":100,"highPrice":110,"lowPrice":90,"closePrice":105,"volume":1.5,"amount":0},
                {"endTime":1700000699999,"openPrice":105,"highPrice":112,"lowPrice":100,"closePrice":111,"volume":2,"amount":0}]}""",
                ImportFormat.BINANCE_JSON);
    }

    @Test void binanceKlinesWithoutHeader() {
        check("1700000100000,100,110,90,105,1.5,1700000399999,0,1,0,0,0\n"
                + "1700000400000,105,112,100,111,2,1700000699999,0,1,0,0,0\n", ImportFormat.BINANCE_KLINES);
    }

    @Test void binanceKlinesWithHeader() {
        check("time,open,high,low,close,volume,closetime,assetvolume,trade_count,taker_buy_asset_volume,taker_buy_quote_volume,ignore\n"
                + "1700000100000,100.00000000,110,90,105,1.5,1700000399999,0,1,0,0,0\n"
                + "1700000400000,105,112,100,111,2,1700000699999,0,1,0,0,0\n", ImportFormat.BINANCE_KLINES);
    }

    @Test void freqtradeJsonOpenMs() {
        check("[[1700000100000,100,110,90,105,1.5],[1700000400000,105,112,100,111,2]]", ImportFormat.FREQTRADE_JSON);
    }

    @Test void hyperliquidCandleSnapshot() {
        check("""
                [{"t":1700000100000,"T":1700000399999,"s":"BTC","i":"5m","o":"100","c":"105","h":"110","l":"90","v":"1.5","n":12},
                 {"t":1700000400000,"T":1700000699999,"s":"BTC","i":"5m","o":"105","c":"111","h":"112","l":"100","v":"2","n":9}]""",
                ImportFormat.HYPERLIQUID_JSON);
    }

    @Test void bitstampTradesAggregateToEpochAlignedBars() {
        // bucket [1700000100, 1700000400): 4 trades; next bucket: 2 trades; then one empty bucket (a gap), then one trade
        String trades = """
                timestamp,price,amount
                1700000100,100,0.5
                1700000150,110,0.5
                1700000200,90,0.25
                1700000399,105,0.25
                1700000400,105,1
                1700000500,111,1
                1700001000,120,3
                """;
        byte[] b = trades.replace("1700000500,111,1\n", "1700000450,112,0.5\n1700000460,100,0.25\n1700000500,111,0.25\n")
                .getBytes(StandardCharsets.UTF_8);
        BarImporter.Result r = BarImporter.read("t.csv", b, BarImporter.Options.auto());
        assertEquals(ImportFormat.BITSTAMP_TRADES, r.format());
        Bars bars = r.bars();
        assertArrayEquals(new long[]{1700000400, 1700000700, 1700001300}, bars.ts(), "the empty bucket is a gap");
        assertArrayEquals(new double[]{100, 105, 120}, bars.open());
        assertArrayEquals(new double[]{110, 112, 120}, bars.high());
        assertArrayEquals(new double[]{90, 100, 120}, bars.low());
        assertArrayEquals(new double[]{105, 111, 120}, bars.close());
        assertArrayEquals(new double[]{1.5, 2, 3}, bars.volume());
        assertEquals(1, bars.gaps().size());
    }

    @Test void bitstampTradesHourly() {
        byte[] b = "timestamp,price,amount\n1700000100,100,1\n1700003700,101,1\n".getBytes(StandardCharsets.UTF_8);
        Bars bars = BarImporter.read("t.csv", b, new BarImporter.Options(ImportFormat.BITSTAMP_TRADES, true, 3600)).bars();
        assertArrayEquals(new long[]{1699999200 + 3600, 1700002800 + 3600}, bars.ts());
    }

    @Test void intervalIsInferredAsTheMostCommonStep() {
        String csv = "timestamp,open,high,low,close,volume\n1700000100,1,1,1,1,1\n1700000700,1,1,1,1,1\n"
                + "1700001000,1,1,1,1,1\n1700001300,1,1,1,1,1\n";
        Bars b = BarImporter.read("g.csv", csv.getBytes(StandardCharsets.UTF_8), BarImporter.Options.auto()).bars();
        assertEquals(300, b.intervalSec());
        assertEquals(1, b.gaps().size());
    }
}
