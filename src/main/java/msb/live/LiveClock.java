package msb.live;

/**
 * Wall time and waiting, injected so that replay pacing, polling and backoff are testable without
 * real sleeps. Only pacing and alerts read it: nothing that reaches the state or the event log does.
 */
public interface LiveClock {
    long nowMs();

    void sleepMs(long ms) throws InterruptedException;

    LiveClock SYSTEM = new LiveClock() {
        @Override public long nowMs() { return System.currentTimeMillis(); }

        @Override public void sleepMs(long ms) throws InterruptedException { if (ms > 0) Thread.sleep(ms); }
    };
}
