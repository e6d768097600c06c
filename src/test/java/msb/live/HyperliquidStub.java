package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import msb.core.Json;
import msb.core.Timeframe;

/**
 * A local Hyperliquid /info stub on 127.0.0.1 (tests only). Candles exist for every slot of the asked interval closed by the
 * shared fake clock; during an outage it keeps answering with the candles closed before the outage
 * began (the "same last candle repeatedly" failure). Scripted HTTP errors are served first.
 */
final class HyperliquidStub implements AutoCloseable {
    /** A clock shared with the server thread; sleeping advances it. */
    static final class Clock implements LiveClock {
        final AtomicLong nowMs;
        final List<Long> sleeps = java.util.Collections.synchronizedList(new ArrayList<>());

        Clock(long nowMs) { this.nowMs = new AtomicLong(nowMs); }

        @Override public long nowMs() { return nowMs.get(); }

        @Override public void sleepMs(long ms) {
            sleeps.add(ms);
            nowMs.addAndGet(ms);
        }
    }

    record Error(int status, String retryAfterSec) {}

    /** A wallet's fill, which the venue lists from {@code visibleFromMs} on (a late fill has it after its time). */
    record StubFill(String user, long tid, long timeMs, String side, double px, double sz, String coin, long visibleFromMs) {}

    final List<StubFill> fills = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Scripted answers to userFillsByTime, served before any fill. */
    final ConcurrentLinkedQueue<Error> fillErrors = new ConcurrentLinkedQueue<>();
    final AtomicInteger fillRequests = new AtomicInteger();
    /** Page size of userFillsByTime (the venue's is 2000; small values force paging). */
    volatile int fillsPerPage = 2000;

    private final HttpServer server;
    final Clock clock;
    private final LiveClock time;
    final ConcurrentLinkedQueue<Error> errors = new ConcurrentLinkedQueue<>();
    final AtomicInteger candleRequests = new AtomicInteger();
    volatile long outageFromMs = Long.MAX_VALUE;
    volatile long outageToMs = Long.MAX_VALUE;

    HyperliquidStub(Clock clock) throws IOException {
        this(clock, clock);
    }

    /** A stub whose notion of now is {@code time} (for clocks other than {@link Clock}; {@link #clock} is then null). */
    HyperliquidStub(LiveClock time) throws IOException {
        this(null, time);
    }

    private HyperliquidStub(Clock clock, LiveClock time) throws IOException {
        this.clock = clock;
        this.time = time;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/info", this::handle);
        server.start();
    }

    String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    static double price(long closeTs) { return 30_000 + 500 * Math.sin(closeTs / 3_000.0); }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode req = Json.mapper().readTree(ex.getRequestBody());
        String type = req.path("type").asText();
        if (type.equals("candleSnapshot")) {
            candleRequests.incrementAndGet();
            Error e = errors.poll();
            if (e != null) {
                if (e.retryAfterSec() != null) ex.getResponseHeaders().add("Retry-After", e.retryAfterSec());
                send(ex, e.status(), "{\"error\":\"scripted\"}");
                return;
            }
            long now = time.nowMs();
            long servedUntilMs = now >= outageFromMs && now < outageToMs ? outageFromMs - 1 : now;
            long start = req.path("req").path("startTime").asLong();
            String interval = req.path("req").path("interval").asText("5m");
            long stepMs = Timeframe.parse(interval.equals("1d") ? "24h" : interval).seconds() * 1000;
            List<Map<String, Object>> out = new ArrayList<>();
            for (long open = Math.floorDiv(start, stepMs) * stepMs; open + stepMs <= servedUntilMs; open += stepMs) {
                double c = price(open / 1000 + stepMs / 1000);
                double o = price(open / 1000);
                out.add(Map.of("t", open, "T", open + stepMs - 1, "s", "BTC", "i", interval, "o", Double.toString(o),
                        "c", Double.toString(c), "h", Double.toString(Math.max(o, c) + 5),
                        "l", Double.toString(Math.min(o, c) - 5), "v", "12.5", "n", 40));
            }
            send(ex, 200, Json.line(out));
        } else if (type.equals("userFillsByTime")) {
            fillRequests.incrementAndGet();
            Error e = fillErrors.poll();
            if (e != null) {
                send(ex, e.status(), "{\"error\":\"scripted\"}");
                return;
            }
            String user = req.path("user").asText();
            long start = req.path("startTime").asLong();
            long end = req.path("endTime").asLong(Long.MAX_VALUE);
            long now = time.nowMs();
            List<Map<String, Object>> out = new ArrayList<>();
            fills.stream().filter(f -> f.user().equals(user) && f.timeMs() >= start && f.timeMs() <= end && f.visibleFromMs() <= now)
                    .sorted(java.util.Comparator.comparingLong(StubFill::timeMs).thenComparingLong(StubFill::tid)).limit(fillsPerPage)
                    .forEach(f -> out.add(Map.of("coin", f.coin(), "px", Double.toString(f.px()), "sz", Double.toString(f.sz()),
                            "side", f.side(), "time", f.timeMs(), "tid", f.tid(), "hash", "0x0", "oid", f.tid())));
            send(ex, 200, Json.line(out));
        } else if (type.equals("l2Book")) {
            send(ex, 200, "{\"coin\":\"BTC\",\"levels\":[[{\"px\":\"29999\",\"sz\":\"1\",\"n\":1}],"
                    + "[{\"px\":\"30001\",\"sz\":\"1\",\"n\":1}]]}");
        } else if (type.equals("fundingHistory")) {
            long settled = Math.floorDiv(time.nowMs(), 3_600_000) * 3_600_000;
            send(ex, 200, "[{\"coin\":\"BTC\",\"fundingRate\":\"0.0000125\",\"premium\":\"0\",\"time\":" + settled + "}]");
        } else {
            send(ex, 400, "{\"error\":\"unknown type\"}");
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override public void close() { server.stop(0); }
}
