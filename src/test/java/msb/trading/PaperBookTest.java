package msb.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PaperBookTest {
    private static final double EPS = 1e-9;

    @Test
    void longRoundTripHandComputedWithFeesSlippageAndFunding() {
        PaperBook b = new PaperBook(new PaperConfig(10_000, 5, 10, 0, 0));
        Broker.Execution open = b.execute(1.0, 100, 1000, "enter");
        assertEquals(100.1, open.fill().price(), EPS);          // 10 bps against the buyer
        assertEquals(0.05005, open.fill().feeUsd(), EPS);       // 5 bps of 100.1
        assertNull(open.closed());
        b.accrueFunding(0.0001, 2.0, 105);                      // long pays 1 x 105 x 0.0001 x 2 = 0.021
        Broker.Execution close = b.execute(-1.0, 110, 5000, "exit");
        assertEquals(109.89, close.fill().price(), EPS);        // 10 bps against the seller
        RoundTrip t = close.closed();
        assertNotNull(t);
        assertEquals("long", t.side());
        assertEquals(1000, t.entryTs());
        assertEquals(5000, t.exitTs());
        assertEquals(9.79, t.grossPnlUsd(), EPS);
        assertEquals(0.05005 + 0.054945, t.feesUsd(), EPS);
        assertEquals(0.021, t.fundingUsd(), EPS);
        assertEquals(9.79 - 0.104995 - 0.021, t.pnlUsd(), EPS);
        assertEquals(t.pnlUsd() / 100.1 * 1e4, t.pnlBps(), EPS);
        assertEquals(0.0, b.positionQty());
        assertEquals(10_000 + t.pnlUsd(), b.equityUsd(123), EPS);
        assertEquals(t.pnlUsd(), b.realizedPnlUsd(), EPS);
    }

    @Test
    void shortRoundTripReceivesPositiveFunding() {
        PaperBook b = new PaperBook(new PaperConfig(10_000, 5, 10, 0, 0));
        b.execute(-2.0, 100, 0, "enter");                       // 99.9, fee 0.0999
        b.accrueFunding(0.0001, 1.0, 95);                       // short receives 2 x 95 x 0.0001 = 0.019
        RoundTrip t = b.execute(2.0, 90, 3600, "exit").closed(); // 90.09, fee 0.09009
        assertEquals("short", t.side());
        assertEquals(2 * (99.9 - 90.09), t.grossPnlUsd(), EPS);
        assertEquals(0.0999 + 0.09009, t.feesUsd(), EPS);
        assertEquals(-0.019, t.fundingUsd(), EPS);
        assertEquals(19.62 - 0.18999 + 0.019, t.pnlUsd(), EPS);
        assertEquals(2.0, t.maxQty(), EPS);
    }

    @Test
    void scaleInAndOutAveragesEntryAndRealizesAtClose() {
        PaperBook b = new PaperBook(new PaperConfig(10_000, 0, 0, 0, 0));
        b.execute(1, 100, 0, "enter");
        b.execute(1, 110, 1, "scale");
        assertEquals(105, b.avgEntryPrice(), EPS);
        assertNull(b.execute(-1, 120, 2, "scale").closed());
        assertEquals(15, b.realizedPnlUsd(), EPS);
        RoundTrip t = b.execute(-1, 100, 3, "exit").closed();
        assertEquals(10, t.grossPnlUsd(), EPS);
        assertEquals(105, t.entryPrice(), EPS);
        assertEquals(110, t.exitPrice(), EPS);
        assertEquals(2, t.maxQty(), EPS);
        assertEquals(10_010, b.equityUsd(1), EPS);
    }

    @Test
    void aFillThroughZeroClosesTheTripAndOpensTheOtherSide() {
        PaperBook b = new PaperBook(new PaperConfig(10_000, 10, 0, 0, 0));
        b.execute(1, 100, 0, "enter");                          // fee 0.1
        Broker.Execution x = b.execute(-3, 120, 7, "reverse");  // fee 0.36, 1/3 to the long, 2/3 to the short
        RoundTrip t = x.closed();
        assertEquals(20 - 0.1 - 0.12, t.pnlUsd(), EPS);
        assertEquals(-2, b.positionQty(), EPS);
        assertEquals(120, b.avgEntryPrice(), EPS);
        assertEquals(7, b.entryTs());
        RoundTrip s = b.execute(2, 120, 9, "exit").closed();
        assertEquals(-(0.24 + 0.24), s.pnlUsd(), EPS);
        assertEquals("short", s.side());
    }

    @Test
    void impactIsBoundedAndAgainstTheTrader() {
        PaperBook b = new PaperBook(new PaperConfig(1e9, 0, 1, 2, 5));
        assertEquals(100 * (1 + (1 + 0.2) / 1e4), b.executionPrice(1000, 100), EPS); // 100k USD -> 0.2 bps
        assertEquals(100 * (1 - (1 + 5) / 1e4), b.executionPrice(-1e6, 100), EPS);  // capped at 5 bps
    }

    @Test
    void snapshotRestoresExactly() {
        PaperConfig c = new PaperConfig(10_000, 5, 10, 0, 0);
        PaperBook b = new PaperBook(c);
        b.execute(0.3, 101.7, 0, "enter");
        b.accrueFunding(0.00003, 1, 102);
        PaperBook r = PaperBook.restore(c, b.state());
        assertEquals(b.state(), r.state());
        assertEquals(b.execute(-0.3, 99, 5, "x").closed(), r.execute(-0.3, 99, 5, "x").closed());
    }
}
