package msb.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import msb.core.Json;
import msb.data.hyperliquid.Trade;

/**
 * The venue's public trades of one coin over its WebSocket ({@code /ws}, subscription {@code trades}), for the
 * mood signal. A background thread keeps the connection: when it drops or cannot be opened, it waits
 * (exponential backoff on the injected clock) and reconnects. Trades are buffered until the collector drains
 * them bar by bar; one re-sent after a reconnect is dropped by its id. Trades of the time the connection was
 * down are lost (the venue does not replay them); the reconnect count says how often that happened.
 */
public final class TradeStream implements CohortCollector.TradeSource {
    private static final long CONNECT_TIMEOUT_MS = 10_000;

    private final URI wsUri;
    private final String coin;
    private final LiveClock clock;
    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private final HttpClient http = HttpClient.newHttpClient();
    /** trade id -> time: buffered trades and ids already handed out, pruned as bars are drained. */
    private final Map<Long, Long> seen = new HashMap<>();
    private final List<Trade> buffer = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;
    private volatile WebSocket socket;
    private long reconnects;
    private long connections;

    /** {@code baseUrl} is the REST base (http[s]://host[:port]); the stream is ws[s]://host[:port]/ws. */
    public TradeStream(URI baseUrl, String coin, LiveClock clock, long initialBackoffMs, long maxBackoffMs) {
        String base = baseUrl.toString().replaceFirst("/+$", "");
        this.wsUri = URI.create(base.replaceFirst("^http", "ws") + "/ws");
        this.coin = coin;
        this.clock = clock;
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.thread = Thread.ofPlatform().daemon().name("trade-stream").start(this::keepConnected);
    }

    private void keepConnected() {
        long backoff = initialBackoffMs;
        while (!stopped) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            try {
                WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT_MS))
                        .buildAsync(wsUri, new Listener(closed)).get(CONNECT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                socket = ws;
                ws.sendText("{\"method\":\"subscribe\",\"subscription\":{\"type\":\"trades\",\"coin\":\"" + coin + "\"}}", true);
                synchronized (this) {
                    if (connections++ > 0) reconnects++;
                }
                backoff = initialBackoffMs;
                closed.join();
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // refused, timed out or dropped: wait and try again
            }
            socket = null;
            if (stopped) return;
            try {
                clock.sleepMs(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(2 * backoff, maxBackoffMs);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final CompletableFuture<Void> closed;
        private final StringBuilder text = new StringBuilder();

        Listener(CompletableFuture<Void> closed) { this.closed = closed; }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                accept(message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) { closed.complete(null); }
    }

    /** A {@code {"channel":"trades","data":[...]}} message; anything else (subscription answers) is ignored. */
    private void accept(String message) {
        JsonNode n;
        try {
            n = Json.mapper().readTree(message);
        } catch (Exception e) {
            return;
        }
        if (!"trades".equals(n.path("channel").asText())) return;
        synchronized (this) {
            for (JsonNode t : n.path("data")) {
                Trade trade;
                try {
                    trade = Trade.parse(t);
                } catch (RuntimeException e) {
                    continue;
                }
                if (!trade.coin().equals(coin) || seen.putIfAbsent(trade.tid(), trade.timeMs()) != null) continue;
                buffer.add(trade);
            }
        }
    }

    @Override
    public synchronized List<Trade> drainThrough(long closeMs) {
        List<Trade> out = new ArrayList<>();
        buffer.removeIf(t -> {
            if (t.timeMs() > closeMs) return false;
            out.add(t);
            return true;
        });
        // ids older than an hour before this bar cannot come back in a re-sent snapshot worth keeping
        seen.values().removeIf(ms -> ms < closeMs - 3_600_000);
        return out;
    }

    @Override
    public synchronized long reconnects() { return reconnects; }

    /** Connections opened so far (the first one included). */
    public synchronized long connections() { return connections; }

    @Override
    public void close() {
        stopped = true;
        WebSocket ws = socket;
        if (ws != null) ws.abort();
        thread.interrupt();
        http.close();
    }
}
