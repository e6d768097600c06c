package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.CohortSignals;
import msb.data.RawStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort collector against a local /info stub (fills) and a local WebSocket (public trades). */
class CohortCollectorTest {
    static final double TOL = 1e-12;
    static final String PRO = "0x" + "a".repeat(40);
    static final String AMATEUR = "0x" + "b".repeat(40);
    static final String SILENT = "0x" + "c".repeat(40);
    static final long T = 1_700_000_100L; // a 5m boundary (bar open), unix s

    static Path addresses(Path dir) throws Exception {
        return Files.writeString(dir.resolve("cohorts.txt"), "# role,address\npros," + PRO + "\namateurs," + AMATEUR + "\npros," + SILENT + "\n");
    }

    /** SPEC section 6 on the first bar: flow = net / (gross x bars per day), S = tanh(flow). */
    static double firstBar(double net, double gross) { return Math.tanh(net / (gross * 288)); }

    @Test
    void fillsArePagedDeduplicatedLaggedOneBarAndRetriedOn429() throws Exception {
        Path home = Files.createTempDirectory("cohorts");
        HyperliquidStub.Clock clock = new HyperliquidStub.Clock(T * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            long open = T * 1000;
            stub.fills.add(new HyperliquidStub.StubFill(PRO, 1, open + 10_000, "B", 30_000, 2, "BTC", 0));
            stub.fills.add(new HyperliquidStub.StubFill(PRO, 7, open + 11_000, "B", 30_000, 9, "ETH", 0)); // another coin
            stub.fills.add(new HyperliquidStub.StubFill(AMATEUR, 2, open + 20_000, "A", 30_000, 1, "BTC", 0));
            stub.fills.add(new HyperliquidStub.StubFill(AMATEUR, 8, open + 20_000, "A", 30_000, 1, "BTC", 0)); // same ms, next page
            stub.fills.add(new HyperliquidStub.StubFill(PRO, 3, open + 310_000, "B", 30_000, 1, "BTC", 0)); // next bar
            stub.fills.add(new HyperliquidStub.StubFill(PRO, 4, open + 200_000, "B", 30_000, 0.5, "BTC", open + 400_000)); // late
            stub.fillsPerPage = 2;
            stub.fillErrors.add(new HyperliquidStub.Error(429, null));
            stub.fillErrors.add(new HyperliquidStub.Error(429, null));
            List<Alert> alerts = new ArrayList<>();
            var venue = new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", clock, HyperliquidVenue.SHARED_MIN_GAP_MS);
            var options = CohortCollector.Options.defaults().withFillsPerPage(2);
            Workspace ws = Workspace.at(home);
            Path state = home.resolve("state/BTC/cohorts");
            try (var c = new CohortCollector(ws, "BTC", venue, CohortAddresses.read(addresses(home)), null, state, options, clock, alerts::add)) {
                var figures = c.run(2);
                assertEquals(2, figures.bars());
                assertEquals(5, figures.fills(), "tids 1, 2, 8, 3 and the late 4; the ETH fill is not BTC: " + figures);
                assertTrue(figures.duplicateFills() > 0, "pages restart at the last millisecond and bars overlap: " + figures);
                assertEquals(2, figures.requestFailures(), figures.toString());
                assertTrue(clock.sleeps.contains(500L) && clock.sleeps.contains(1_000L), "backoff 500 then 1000 ms: " + clock.sleeps);
                assertEquals(List.of(), alerts);
            }
            CohortSignals rows = RawStore.cohorts(ws, "BTC").orElseThrow();
            assertEquals(2, rows.size());
            assertEquals(T + 300, rows.ts()[0]);
            assertEquals(T + 600, rows.ts()[1]);
            // bar 1: only fills up to its close (tid 3 is later, tid 4 was not visible yet)
            assertEquals(firstBar(60_000, 60_000), rows.sTop()[0], TOL);
            assertEquals(firstBar(-60_000, 60_000), rows.sBot()[0], TOL);
            assertEquals(0, rows.mood()[0], TOL);
            // bar 2: tid 3 and the late tid 4 (counted once, in the first bar that sees it); amateurs silent
            double avg = 60_000 + 2.0 / 289 * (45_000 - 60_000);
            double ema = 1.0 / 288 + 2.0 / 13 * (45_000 / (avg * 288) - 1.0 / 288);
            assertEquals(Math.tanh(ema), rows.sTop()[1], TOL);
            assertEquals(Math.tanh(-1.0 / 288 + 2.0 / 13 * (0 - -1.0 / 288)), rows.sBot()[1], TOL);

            // a restart continues from the checkpoint; a row the store lost in a crash is appended again
            stub.fills.add(new HyperliquidStub.StubFill(AMATEUR, 5, open + 610_000, "A", 30_000, 1, "BTC", 0));
            msb.data.CohortStore.store(ws, "BTC", new CohortSignals(new long[] {rows.ts()[0]}, new double[] {rows.sTop()[0]},
                    new double[] {rows.sBot()[0]}, new double[] {rows.mood()[0]}), "test", "");
            try (var c = new CohortCollector(ws, "BTC", venue, CohortAddresses.read(addresses(home)), null, state, options, clock, alerts::add)) {
                assertEquals(2, RawStore.cohorts(ws, "BTC").orElseThrow().size(), "the lost row is back");
                assertEquals(T + 600, c.lastBarTs().longValue());
                c.run(1);
                assertEquals(1, c.figures().fills(), "only the new fill: " + c.figures());
            }
            CohortSignals after = RawStore.cohorts(ws, "BTC").orElseThrow();
            assertEquals(3, after.size());
            assertEquals(rows.sTop()[1], after.sTop()[1], TOL);
            double avgBot2 = 60_000 + 2.0 / 289 * (0 - 60_000);
            double avgBot3 = avgBot2 + 2.0 / 289 * (30_000 - avgBot2);
            double emaBot2 = -1.0 / 288 + 2.0 / 13 * (1.0 / 288);
            assertEquals(Math.tanh(emaBot2 + 2.0 / 13 * (-30_000 / (avgBot3 * 288) - emaBot2)), after.sBot()[2], TOL,
                    "the amateur sold again, resumed from the checkpointed state");
        }
    }

    @Test
    void aWalletTheVenueKeepsRefusingIsSkippedAndAlertedItsFillsCountLater() throws Exception {
        Path home = Files.createTempDirectory("cohorts");
        HyperliquidStub.Clock clock = new HyperliquidStub.Clock(T * 1000 + 10_000);
        try (HyperliquidStub stub = new HyperliquidStub(clock)) {
            stub.fills.add(new HyperliquidStub.StubFill(PRO, 1, T * 1000 + 10_000, "B", 30_000, 1, "BTC", 0));
            for (int i = 0; i < 5; i++) stub.fillErrors.add(new HyperliquidStub.Error(429, null));
            List<Alert> alerts = new ArrayList<>();
            var venue = new HyperliquidVenue(URI.create(stub.baseUrl()), "BTC", clock);
            Path file = Files.writeString(home.resolve("c.txt"), "pros," + PRO + "\n");
            try (var c = new CohortCollector(Workspace.at(home), "BTC", venue, CohortAddresses.read(file), null, home.resolve("s"),
                    CohortCollector.Options.defaults(), clock, alerts::add)) {
                c.run(2);
                assertEquals(1, c.figures().skippedWallets());
                assertEquals(1, c.figures().fills(), "counted at the second bar");
            }
            assertEquals(1, alerts.size(), alerts.toString());
            assertEquals("cohort_fills_unavailable", alerts.getFirst().kind());
            CohortSignals rows = RawStore.cohorts(Workspace.at(home), "BTC").orElseThrow();
            assertEquals(0, rows.sTop()[0], TOL);
            assertTrue(rows.sTop()[1] > 0);
        }
    }

    @Test
    void publicTradesOverTheWebSocketSurviveDroppedConnectionsAndDuplicates() throws Exception {
        try (WebSocketStub ws = new WebSocketStub()) {
            HyperliquidStub.Clock clock = new HyperliquidStub.Clock(T * 1000);
            try (TradeStream stream = new TradeStream(URI.create(ws.baseUrl()), "BTC", clock, 100, 1_000)) {
                assertTrue(ws.nextReceived().contains("\"trades\""), "subscribes to trades");
                ws.broadcast(trades(trade(1, T * 1000 + 1_000, "B", 2), trade(2, T * 1000 + 2_000, "A", 1)));
                ws.broadcast("{\"channel\":\"subscriptionResponse\",\"data\":{}}");
                // the first two trades reach the stream before the drop (a dropped socket may discard what the client
                // had not read yet, and the venue would not re-send trade 1): wait for them, bounded, on a busy machine too
                List<msb.data.hyperliquid.Trade> got = new ArrayList<>();
                for (int i = 0; i < BOUNDED_POLLS && got.size() < 2; i++) {
                    got.addAll(stream.drainThrough(T * 1000 + 300_000));
                    Thread.sleep(10);
                }
                ws.dropAll();
                assertTrue(ws.nextReceived().contains("\"trades\""), "re-subscribes after the drop");
                // the venue re-sends a trade after the reconnect, and one of the next bar
                ws.broadcast(trades(trade(2, T * 1000 + 2_000, "A", 1), trade(3, T * 1000 + 301_000, "B", 1),
                        trade(4, T * 1000 + 3_000, "B", 1)));
                for (int i = 0; i < BOUNDED_POLLS && got.size() < 3; i++) {
                    got.addAll(stream.drainThrough(T * 1000 + 300_000));
                    Thread.sleep(10);
                }
                assertEquals(List.of(1L, 2L, 4L), got.stream().map(msb.data.hyperliquid.Trade::tid).sorted().toList());
                assertEquals(1, got.stream().filter(t -> t.tid() == 1).findFirst().orElseThrow().sign());
                assertEquals(-1, got.stream().filter(t -> t.tid() == 2).findFirst().orElseThrow().sign());
                assertTrue(stream.reconnects() >= 1, "reconnected");
                List<msb.data.hyperliquid.Trade> next = stream.drainThrough(T * 1000 + 600_000);
                assertEquals(List.of(3L), next.stream().map(msb.data.hyperliquid.Trade::tid).toList(), "the later trade waits for its bar");
                assertNull(ws.received.poll(), "nothing else sent");
            }
        }
    }

    /** Polls of 10 ms while waiting for the stream: a hang guard (30 s), not a timing assertion. */
    static final int BOUNDED_POLLS = 3_000;

    static String trade(long tid, long timeMs, String side, double sz) {
        return "{\"coin\":\"BTC\",\"side\":\"" + side + "\",\"px\":\"30000\",\"sz\":\"" + sz + "\",\"time\":" + timeMs
                + ",\"hash\":\"0x0\",\"tid\":" + tid + "}";
    }

    static String trades(String... t) { return "{\"channel\":\"trades\",\"data\":[" + String.join(",", t) + "]}"; }

    @Test
    void anAddressFileWithAMistakeIsRefusedNamingTheLine(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.txt"), "pros," + PRO + "\nwhales," + AMATEUR + "\n");
        var e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class, () -> CohortAddresses.read(bad));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("whales"), e.getMessage());
        Path dup = Files.writeString(dir.resolve("dup.txt"), "pros," + PRO + "\namateurs," + PRO.toUpperCase().replace("0X", "0x") + "\n");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class, () -> CohortAddresses.read(dup))
                .getMessage().contains("twice"));
        Path shortAddr = Files.writeString(dir.resolve("short.txt"), "pros,0x123\n");
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class, () -> CohortAddresses.read(shortAddr))
                .getMessage().contains("40 hex"));
    }
}
