package msb.data.hyperliquid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongFunction;
import msb.core.Json;
import msb.core.Timeframe;
import msb.data.Bars;
import msb.data.FundingSeries;

/**
 * Hyperliquid's public REST API ({@code POST /info}): candles, funding history and the top of the book.
 * Answers are capped (5000 candles, 500 funding rows), so every download pages forward by advancing
 * startTime past the last row received until the range is covered or the exchange has nothing more.
 * 429 and 5xx answers and connection failures are retried with exponential backoff, a bounded number of
 * times. Base URL, clock and sleeper are injected so that tests run against a local stub in no time.
 */
public final class HyperliquidClient implements AutoCloseable {
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.hyperliquid.xyz");
    /** The most candles one candleSnapshot answer holds (and roughly all the exchange keeps per interval). */
    public static final int MAX_CANDLES_PER_ANSWER = 5000;

    /** Waits between retries; tests pass one that only records the delays. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /**
     * @param maxAttempts      tries per request (first try included) before giving up
     * @param initialBackoffMs wait before the second try; doubled for each further try (capped at 30 s)
     */
    public record Options(URI baseUrl, Clock clock, Sleeper sleeper, int maxAttempts, long initialBackoffMs,
                          Duration requestTimeout) {
        public Options {
            if (baseUrl == null || clock == null || sleeper == null || requestTimeout == null) {
                throw new IllegalArgumentException("baseUrl, clock, sleeper and requestTimeout are required");
            }
            if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
            if (initialBackoffMs < 0) throw new IllegalArgumentException("initialBackoffMs must be >= 0, got " + initialBackoffMs);
        }

        public static Options defaults(URI baseUrl) {
            return new Options(baseUrl, Clock.systemUTC(), Thread::sleep, 6, 500, Duration.ofSeconds(30));
        }
    }

    private static final long MAX_BACKOFF_MS = 30_000;

    private final Options options;
    private final URI infoUri;
    private final HttpClient http;
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();

    public HyperliquidClient(Options options) {
        this.options = options;
        String base = options.baseUrl().toString();
        this.infoUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/info");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static HyperliquidClient create(URI baseUrl) { return new HyperliquidClient(Options.defaults(baseUrl)); }

    public Clock clock() { return options.clock(); }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() { http.close(); }

    /** HTTP requests sent so far (retries included). */
    public int requestsMade() { return requests.get(); }

    /**
     * The CLOSED candles of {@code coin} whose open time lies in {@code [startMs, endMs)}, stamped at their
     * close (open + interval) like every stored bar; a candle still open at the clock's now is left out.
     * The exchange keeps only about the most recent 5000 candles per interval, so the answer may start
     * later than asked: compare {@code firstTs()} with the request.
     */
    public Bars candlesSince(String coin, Timeframe tf, long startMs, long endMs) {
        return candles(coin, tf.exchangeInterval(), tf.seconds(), startMs, endMs);
    }

    /**
     * As {@link #candlesSince} for any Hyperliquid interval name ("1m", "4h", ...) of {@code intervalSec}.
     * Candles are collected by open time whatever order the pages hold them in: the same candle twice (pages
     * overlap) is kept once, two different candles for one open time are refused naming both, and a candle
     * of another coin is refused.
     */
    public Bars candles(String coin, String interval, long intervalSec, long startMs, long endMs) {
        long intervalMs = intervalSec * 1000;
        long nowMs = options.clock().millis();
        java.util.TreeMap<Long, double[]> byOpen = new java.util.TreeMap<>();
        pageForward("candleSnapshot", "t", startMs, endMs, intervalMs, cursor -> {
            ObjectNode req = Json.mapper().createObjectNode();
            req.put("coin", coin).put("interval", interval).put("startTime", cursor).put("endTime", endMs);
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("type", "candleSnapshot").set("req", req);
            return body;
        }, (c, openMs) -> {
            requireCoin(c, "s", coin, "candleSnapshot");
            if (openMs < startMs || openMs >= endMs || openMs + intervalMs > nowMs) return;
            double[] x = {number(c, "o"), number(c, "h"), number(c, "l"), number(c, "c"), number(c, "v")};
            double[] before = byOpen.putIfAbsent(openMs, x);
            if (before != null && !Arrays.equals(before, x)) {
                throw new HyperliquidException("Hyperliquid sent two different " + coin + " candles opening at "
                        + java.time.Instant.ofEpochMilli(openMs) + ": " + ohlcv(before) + " and " + ohlcv(x)
                        + "; refusing rather than picking one: fetch again later");
            }
        });
        CandleAccumulator acc = new CandleAccumulator(intervalSec);
        byOpen.forEach((openMs, x) -> acc.add(openMs, x[0], x[1], x[2], x[3], x[4]));
        return acc.bars();
    }

    private static String ohlcv(double[] x) {
        return "(o=" + x[0] + " h=" + x[1] + " l=" + x[2] + " c=" + x[3] + " v=" + x[4] + ")";
    }

    /** An answer row naming another coin than asked is refused: it would be stored under the wrong symbol. */
    private static void requireCoin(JsonNode row, String field, String coin, String type) {
        JsonNode v = row.get(field);
        if (v != null && v.isTextual() && !v.textValue().equalsIgnoreCase(coin)) {
            throw new HyperliquidException("Hyperliquid answered " + type + " for " + coin + " with data of \""
                    + snippet(v.textValue()) + "\"; nothing stored: check --symbol and --base-url");
        }
    }

    /**
     * Funding settlements in {@code [startMs, endMs)} as a fraction per hour (Hyperliquid settles hourly),
     * by settlement second whatever the order received; one settlement given two rates is refused.
     */
    public FundingSeries fundingSince(String coin, long startMs, long endMs) {
        java.util.TreeMap<Long, Double> bySecond = new java.util.TreeMap<>();
        pageForward("fundingHistory", "time", startMs, endMs, 1, cursor -> {
            ObjectNode body = Json.mapper().createObjectNode();
            body.put("type", "fundingHistory").put("coin", coin).put("startTime", cursor).put("endTime", endMs);
            return body;
        }, (f, timeMs) -> {
            requireCoin(f, "coin", coin, "fundingHistory");
            if (timeMs < startMs || timeMs >= endMs) return;
            long sec = Math.floorDiv(timeMs, 1000);
            double rate = number(f, "fundingRate");
            Double before = bySecond.putIfAbsent(sec, rate);
            if (before != null && before != rate) {
                throw new HyperliquidException("Hyperliquid sent two funding rates for " + coin + " at "
                        + java.time.Instant.ofEpochSecond(sec) + ": " + before + " and " + rate
                        + "; refusing rather than picking one: fetch again later");
            }
        });
        long[] ts = new long[bySecond.size()];
        double[] rate = new double[ts.length];
        int i = 0;
        for (var e : bySecond.entrySet()) { ts[i] = e.getKey(); rate[i++] = e.getValue(); }
        return new FundingSeries(ts, rate);
    }

    /** One row of a paged answer with its time field (unix ms) already read. */
    @FunctionalInterface
    private interface TimedRow {
        void accept(JsonNode row, long timeMs);
    }

    /** Rows this far past the end of the range asked are not late data but a corrupt answer. */
    private static final long MAX_PAST_END_MS = 86_400_000L;

    /**
     * Pages a {@code type} request forward over {@code [startMs, endMs)}: posts the body {@code request} makes
     * for the cursor, hands every row and its {@code timeField} to {@code rows} (which filters), and stops when
     * an answer is empty, does not reach the cursor or reaches the end; otherwise the next cursor is the
     * latest time seen plus {@code stepMs}. A row stamped more than a day past the end is refused (a time
     * near Long.MAX_VALUE would otherwise overflow the cursor and page forever).
     */
    private void pageForward(String type, String timeField, long startMs, long endMs, long stepMs,
                             LongFunction<ObjectNode> request, TimedRow rows) {
        long cursor = startMs;
        while (cursor < endMs) {
            JsonNode answer = post(request.apply(cursor));
            if (!answer.isArray()) throw unexpected(type, answer);
            long lastMs = Long.MIN_VALUE;
            for (JsonNode row : answer) {
                long timeMs = longField(row, timeField, type);
                if (timeMs > endMs + MAX_PAST_END_MS) {
                    throw new HyperliquidException("Hyperliquid answered " + type + " with a row stamped " + timeField + "="
                            + timeMs + ", after the end of the range asked (" + endMs + " ms); the answer is corrupt:"
                            + " nothing stored, check --base-url or fetch again later");
                }
                lastMs = Math.max(lastMs, timeMs);
                rows.accept(row, timeMs);
            }
            if (answer.isEmpty() || lastMs < cursor || lastMs >= endMs) break;
            cursor = lastMs + stepMs; // no overflow: lastMs < endMs, a wall-clock time
        }
    }

    /** The most fills one userFillsByTime answer holds. */
    public static final int MAX_FILLS_PER_ANSWER = 2000;

    /**
     * One page of {@code user}'s fills (every coin) with time in [startMs, endMs], oldest first, as the venue
     * sends them (at most {@link #MAX_FILLS_PER_ANSWER}); the caller pages on and de-duplicates by tid.
     */
    public java.util.List<Trade> userFillsPage(String user, long startMs, long endMs) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", "userFillsByTime").put("user", user).put("startTime", startMs).put("endTime", endMs);
        JsonNode answer = post(body);
        if (!answer.isArray()) throw unexpected("userFillsByTime", answer);
        java.util.List<Trade> out = new java.util.ArrayList<>(answer.size());
        for (JsonNode f : answer) out.add(Trade.parse(f));
        return out;
    }

    /** Best bid and ask of {@code coin} now. */
    public BookTop bookTop(String coin) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", "l2Book").put("coin", coin);
        JsonNode answer = post(body);
        JsonNode levels = answer.get("levels");
        if (levels == null || !levels.isArray() || levels.size() != 2 || levels.get(0).isEmpty() || levels.get(1).isEmpty()) {
            throw unexpected("l2Book", answer);
        }
        double bid = number(levels.get(0).get(0), "px");
        double ask = number(levels.get(1).get(0), "px");
        if (!(bid > 0) || ask < bid) throw new HyperliquidException("l2Book for " + coin + " has bid " + bid + " above ask " + ask);
        return BookTop.of(bid, ask);
    }

    /** POSTs to /info, retrying 429, 5xx and connection failures with exponential backoff. */
    JsonNode post(JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(infoUri).timeout(options.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.line(body))).build();
        String lastProblem = "";
        long backoffMs = options.initialBackoffMs();
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (attempt > 1) {
                try {
                    options.sleeper().sleep(backoffMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HyperliquidException("interrupted while waiting to retry " + infoUri, e);
                }
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
            requests.incrementAndGet();
            try {
                HttpResponse<String> resp = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = resp.statusCode();
                if (status == 200) return Json.mapper().readTree(resp.body());
                lastProblem = "HTTP " + status + " " + snippet(resp.body());
                if (status != 429 && status < 500) {
                    throw new HyperliquidException(infoUri + " refused " + body.path("type").asText() + ": " + lastProblem
                            + "; check --symbol (the coin) and --base-url");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new HyperliquidException(infoUri + " answered " + body.path("type").asText() + " with something"
                        + " that is not JSON (" + e.getOriginalMessage() + "); check --base-url", e);
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HyperliquidException("interrupted while calling " + infoUri, e);
            }
        }
        throw new HyperliquidException(infoUri + " failed " + options.maxAttempts() + " times for "
                + body.path("type").asText() + " (last: " + lastProblem + "); check the network and --base-url, or retry later");
    }

    private static String snippet(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static HyperliquidException unexpected(String type, JsonNode answer) {
        return new HyperliquidException("unexpected " + type + " answer from Hyperliquid: " + snippet(answer.toString()));
    }

    private static long longField(JsonNode node, String field, String type) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) throw unexpected(type, node);
        return v.longValue();
    }

    /** Hyperliquid sends numbers as strings ("95123.5"); both forms are read, anything else is refused. */
    private static double number(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        double x = Double.NaN;
        if (v != null && v.isNumber()) x = v.doubleValue();
        else if (v != null && v.isTextual()) {
            try {
                x = Double.parseDouble(v.textValue());
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        if (!Double.isFinite(x)) throw new HyperliquidException("Hyperliquid sent " + field + "=" + v + ", not a number");
        return x;
    }
}
