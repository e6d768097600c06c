package msb.live;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Virtual time for several threads (tests only): a sleeping thread waits until virtual time reaches its
 * wake-up, and time jumps to the earliest wake-up once every thread that ever slept here is asleep (or has
 * ended). Threads busy elsewhere (an HTTP call to a stub) hold time still, so no bar is overdue because
 * the machine is slow. Hours of simulated time pass in milliseconds of wall time.
 */
final class VirtualClock implements LiveClock {
    private long nowMs;
    private final Set<Thread> parties = new HashSet<>();
    private final Map<Thread, Long> sleepers = new HashMap<>();

    VirtualClock(long nowMs) { this.nowMs = nowMs; }

    @Override
    public synchronized long nowMs() { return nowMs; }

    /** Moves time forward from outside the sleeping threads (never backward). */
    synchronized void advanceTo(long ms) {
        if (ms > nowMs) nowMs = ms;
        notifyAll();
    }

    @Override
    public synchronized void sleepMs(long ms) throws InterruptedException {
        long wake = nowMs + Math.max(0, ms);
        Thread me = Thread.currentThread();
        parties.add(me);
        try {
            while (nowMs < wake) {
                sleepers.put(me, wake);
                maybeAdvance();
                if (nowMs >= wake) break;
                wait(10); // re-check: a party may have ended without sleeping again
            }
        } finally {
            sleepers.remove(me);
        }
    }

    private void maybeAdvance() {
        parties.removeIf(t -> !t.isAlive());
        if (!sleepers.keySet().containsAll(parties) || sleepers.isEmpty()) return;
        long earliest = sleepers.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        if (earliest > nowMs) {
            nowMs = earliest;
            notifyAll();
        }
    }
}
