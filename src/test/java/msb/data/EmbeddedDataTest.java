package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmbeddedDataTest {
    @Test void bitstampTradesGiveAbout1917FiveMinuteBarsWithTwoGaps() {
        Bars b = EmbeddedData.bitstamp5m();
        assertEquals(300, b.intervalSec());
        assertEquals(1917, b.size());
        GapSummary g = GapSummary.of(b);
        assertEquals(2, g.count());
        assertEquals(4, g.missingBars());
        assertEquals("2013-11-25T00:05:00Z", Intervals.iso(b.firstTs()));
        assertEquals(0, b.firstTs() % 300, "epoch-aligned, stamped at close");
        assertEquals(64, EmbeddedData.sha256().length());
        assertTrue(EmbeddedData.description().contains("1917 5m bars"), EmbeddedData.description());
        assertEquals(1917, EmbeddedData.info("BTC").rows());
    }
}
