package msb.live;

import java.util.Arrays;

/**
 * Orders the bars of several replayed timeframes by close time (ties: the order the timeframes were given),
 * so that what one book sees of the others (the joint exposure limit) does not depend on thread timing: a
 * multi-timeframe replay, and its resume, reach the same state every time. Each runner announces the close
 * time of the bar it holds and waits until no other runner may still hold an earlier one. A runner between
 * bars has a lower bound (just after its last bar); a finished runner no longer counts.
 */
final class BarTurns {
    private static final long FINISHED = Long.MAX_VALUE;

    /** Per runner: the announced bar's close, or the lower bound of the next one. */
    private final long[] next;

    BarTurns(int runners) {
        next = new long[runners];
        Arrays.fill(next, Long.MIN_VALUE);
    }

    /** Runner {@code i} holds the bar closing at {@code ts}; returns when it is that bar's turn. */
    synchronized void await(int i, long ts) throws InterruptedException {
        next[i] = ts;
        notifyAll();
        while (!myTurn(i)) wait();
    }

    /** Runner {@code i} has processed its bar; its next one closes later. */
    synchronized void done(int i) {
        if (next[i] != FINISHED) next[i] = next[i] + 1;
        notifyAll();
    }

    /** Runner {@code i} has no more bars (end of data, a fault, or its bar limit). */
    synchronized void finish(int i) {
        next[i] = FINISHED;
        notifyAll();
    }

    private boolean myTurn(int i) {
        for (int j = 0; j < next.length; j++) {
            if (j == i || next[j] == FINISHED) continue;
            // another runner's bar (announced, or possibly at its lower bound) precedes mine when it closes
            // earlier, or at the same time for a runner given earlier
            if (next[j] < next[i] || (next[j] == next[i] && j < i)) return false;
        }
        return true;
    }
}
