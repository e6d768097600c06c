package msb.data.hyperliquid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;
import msb.core.Json;

/**
 * A local stand-in for Hyperliquid's POST /info on 127.0.0.1 (port chosen by the OS). It keeps only the
 * {@code keptCandles} most recent candles of each interval (like the exchange), answers at most 5000
 * candles / 500 funding rows per request, includes the still-open candle, and fails the requests listed
 * in {@code failures} (e.g. 429, 429, 500) before answering normally.
 */
final class StubHyperliquid implements AutoCloseable {
    static final int CANDLE_CAP = 5000;
    static final int FUNDING_CAP = 500;

    private final HttpServer server;
    private final LongSupplier nowMs;
    private final int keptCandles;
    private final Deque<Integer> failures = new ArrayDeque<>();
    final List<JsonNode> requests = new ArrayList<>();
    int candleAnswers;
    /** How the stub misbehaves (the faults data fetch must refuse or repair, never pass on silently). */
    enum Mode { NORMAL, CANDLE_TIME_OVERFLOW, OUT_OF_ORDER, DUPLICATE_DIFFERENT, FUNDING_FAILS, WRONG_COIN }
    volatile Mode mode = Mode.NORMAL;

    StubHyperliquid(LongSupplier nowMs, int keptCandles) throws IOException {
        this.nowMs = nowMs;
        this.keptCandles = keptCandles;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/info", this::handle);
        server.start();
    }

    URI baseUrl() { return URI.create("http://127.0.0.1:" + server.getAddress().getPort()); }

    synchronized void failNext(int... statuses) { for (int s : statuses) failures.add(s); }

    static double priceAt(long openMs) { return 30000 + 500 * Math.sin(openMs / 3.6e6); }

    private synchronized void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = Json.mapper().readTree(ex.getRequestBody().readAllBytes());
            requests.add(req);
            if (!failures.isEmpty()) {
                int status = failures.poll();
                send(ex, status, "{\"error\":\"injected " + status + "\"}");
                return;
            }
            String type = req.path("type").asText();
            switch (type) {
                case "candleSnapshot" -> send(ex, 200, faulty(candles(req.get("req"))).toString());
                case "fundingHistory" -> {
                    if (mode == Mode.FUNDING_FAILS) send(ex, 422, "{\"error\":\"funding unavailable\"}");
                    else send(ex, 200, funding(req).toString());
                }
                case "l2Book" -> send(ex, 200, """
                        {"coin":"BTC","time":1,"levels":[[{"px":"99990.0","sz":"1.2","n":3},{"px":"99980.0","sz":"2","n":1}],
                        [{"px":"100010.0","sz":"0.5","n":2},{"px":"100020.0","sz":"1","n":1}]]}""");
                default -> send(ex, 400, "{\"error\":\"unknown type\"}");
            }
        }
    }

    private ArrayNode faulty(ArrayNode page) {
        if (page.isEmpty()) return page;
        switch (mode) {
            case CANDLE_TIME_OVERFLOW -> ((ObjectNode) page.get(page.size() - 1)).put("t", Long.MAX_VALUE - 5);
            case OUT_OF_ORDER -> { // the newest candles first, as a reversed page
                List<JsonNode> rows = new ArrayList<>();
                page.forEach(rows::add);
                java.util.Collections.reverse(rows);
                page.removeAll();
                page.addAll(rows);
            }
            case DUPLICATE_DIFFERENT -> {
                ObjectNode copy = page.get(0).deepCopy();
                page.add(copy.put("c", copy.get("o").asText()).put("v", "99"));
            }
            case WRONG_COIN -> page.forEach(n -> ((ObjectNode) n).put("s", "ETH"));
            default -> { }
        }
        return page;
    }

    private static long intervalMs(String name) {
        return switch (name) {
            case "5m" -> 300_000L;
            case "1h" -> 3_600_000L;
            case "12h" -> 43_200_000L;
            case "1d" -> 86_400_000L;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private ArrayNode candles(JsonNode r) {
        candleAnswers++;
        long iv = intervalMs(r.get("interval").asText());
        long now = nowMs.getAsLong();
        long currentOpen = Math.floorDiv(now, iv) * iv; // the candle still open now is served too
        long oldestKept = currentOpen - (keptCandles - 1) * iv;
        long start = Math.max(r.get("startTime").asLong(), oldestKept);
        long end = r.get("endTime").asLong();
        long first = Math.floorDiv(start + iv - 1, iv) * iv;
        ArrayNode out = Json.mapper().createArrayNode();
        for (long t = first; t <= Math.min(end, currentOpen) && out.size() < CANDLE_CAP; t += iv) {
            double p = priceAt(t), c = priceAt(t + iv);
            ObjectNode n = out.addObject();
            n.put("t", t).put("T", t + iv - 1).put("s", r.get("coin").asText()).put("i", r.get("interval").asText())
                    .put("o", Double.toString(p)).put("c", Double.toString(c))
                    .put("h", Double.toString(Math.max(p, c) + 10)).put("l", Double.toString(Math.min(p, c) - 10))
                    .put("v", "12.5").put("n", 42);
        }
        return out;
    }

    private ArrayNode funding(JsonNode r) {
        long start = r.get("startTime").asLong();
        long end = r.has("endTime") ? r.get("endTime").asLong() : nowMs.getAsLong();
        long hour = 3_600_000L;
        ArrayNode out = Json.mapper().createArrayNode();
        for (long h = Math.floorDiv(start + hour - 1, hour) * hour; h <= Math.min(end, nowMs.getAsLong()) && out.size() < FUNDING_CAP; h += hour) {
            long time = h + 76; // the exchange stamps settlements a few ms after the hour
            if (time < start) continue;
            out.addObject().put("coin", r.get("coin").asText()).put("fundingRate", Double.toString(1e-5 * (1 + (h / hour) % 7)))
                    .put("premium", "0.0001").put("time", time);
        }
        return out;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    @Override
    public void close() { server.stop(0); }
}
