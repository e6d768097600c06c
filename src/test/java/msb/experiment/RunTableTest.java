package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The data column of `runs list` and `experiment compare`: one short name whatever the record's wording. */
class RunTableTest {
    @Test
    void sourceNamesAreShort() {
        assertEquals("coinbase-btc-usd-1d", RunTable.sourceName("dataset /h/datasets/BTC/24h from source coinbase-btc-usd-1d (experiment 24h)"));
        assertEquals("embedded-bitstamp-btcusd-5m", RunTable.sourceName("embedded-bitstamp-btcusd-5m"));
        assertEquals("bars.csv", RunTable.sourceName("../shared/bars.csv"));
        assertEquals("24h", RunTable.sourceName("dataset /h/datasets/BTC/24h"));
        assertEquals("in-memory", RunTable.sourceName("computed in memory from the stored bars with the experiment's label"));
        assertEquals("-", RunTable.sourceName(null));
    }
}
