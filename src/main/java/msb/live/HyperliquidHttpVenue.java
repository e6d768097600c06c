package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.Bar;

/**
 * The live feed's questions to Hyperliquid's REST {@code POST /info} (SPEC section 9): candleSnapshot,
 * l2Book (spread) and fundingHistory (hourly rates, already a fraction per hour). Candles are stamped at
 * open + interval (their close).
 */
public final class HyperliquidHttpVenue implements VenueSource {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI infoUri;
    private final String coin;

    public HyperliquidHttpVenue(String baseUrl, String coin) {
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.infoUri = URI.create(baseUrl.replaceAll("/+$", "") + "/info");
        this.coin = coin;
    }

    @Override
    public List<Bar> candles(Timeframe tf, long startMs, long endMs) throws IOException {
        JsonNode arr = post(Map.of("type", "candleSnapshot", "req", Map.of("coin", coin,
                "interval", tf.exchangeInterval(), "startTime", startMs, "endTime", endMs)));
        if (!arr.isArray()) throw new IOException("candleSnapshot: expected an array, got " + abbreviate(arr));
        List<Bar> out = new ArrayList<>(arr.size());
        long lastTs = Long.MIN_VALUE;
        for (JsonNode c : arr) {
            long ts = c.path("t").asLong() / 1000 + tf.seconds();
            if (ts <= lastTs) continue; // the venue may repeat the current candle; keep the first, ordered
            try {
                out.add(new Bar(ts, num(c, "o"), num(c, "h"), num(c, "l"), num(c, "c"), num(c, "v")));
            } catch (IllegalArgumentException e) {
                throw new IOException("candleSnapshot: invalid candle " + abbreviate(c) + ": " + e.getMessage());
            }
            lastTs = ts;
        }
        return out;
    }

    @Override
    public Quote quote() throws IOException {
        JsonNode levels = post(Map.of("type", "l2Book", "coin", coin)).path("levels");
        if (!levels.isArray() || levels.size() < 2 || levels.get(0).isEmpty() || levels.get(1).isEmpty()) {
            throw new IOException("l2Book: no bid or ask levels");
        }
        double bid = num(levels.get(0).get(0), "px");
        double ask = num(levels.get(1).get(0), "px");
        if (!(bid > 0 && ask >= bid)) throw new IOException("l2Book: crossed or invalid book bid=" + bid + " ask=" + ask);
        return new Quote(bid, ask);
    }

    @Override
    public double fundingPerHour(long sinceMs) throws IOException {
        JsonNode arr = post(Map.of("type", "fundingHistory", "coin", coin, "startTime", sinceMs));
        if (!arr.isArray()) throw new IOException("fundingHistory: expected an array, got " + abbreviate(arr));
        if (arr.isEmpty()) return Double.NaN;
        return num(arr.get(arr.size() - 1), "fundingRate");
    }

    private JsonNode post(Object body) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(infoUri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.line(body))).build();
        HttpResponse<String> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (resp.statusCode() != 200) {
            long retryAfterMs = resp.headers().firstValue("Retry-After").map(HyperliquidHttpVenue::seconds).orElse(0L) * 1000;
            throw new VenueException(resp.statusCode(), retryAfterMs, infoUri + " answered " + resp.statusCode() + ": "
                    + abbreviate(resp.body()));
        }
        try {
            return Json.mapper().readTree(resp.body());
        } catch (IOException e) {
            throw new IOException(infoUri + " answered invalid JSON: " + abbreviate(resp.body()), e);
        }
    }

    private static long seconds(String s) {
        try {
            return Math.max(0, Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double num(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null) throw new IOException("missing field '" + field + "' in " + abbreviate(n));
        double d = v.isNumber() ? v.asDouble() : parse(v.asText(), field);
        if (!Double.isFinite(d)) throw new IOException("field '" + field + "' is not finite in " + abbreviate(n));
        return d;
    }

    private static double parse(String s, String field) throws IOException {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException("field '" + field + "' is not a number: " + s);
        }
    }

    private static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
