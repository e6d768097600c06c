package msb.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Checkpoints run one at a time, in order; background ones on another thread; their failures reach the runner. */
class CheckpointWriterTest {
    @Test
    void aWaitedForCheckpointRunsHereAndABackgroundOneElsewhere() {
        CheckpointWriter w = new CheckpointWriter("test-checkpoint");
        Thread caller = Thread.currentThread();
        Thread[] ran = new Thread[2];
        w.submit(() -> ran[0] = Thread.currentThread(), true);
        w.submit(() -> ran[1] = Thread.currentThread(), false);
        w.await();
        w.close();
        assertSame(caller, ran[0]);
        assertNotSame(caller, ran[1]);
        assertEquals("test-checkpoint", ran[1].getName());
    }

    @Test
    void aNewCheckpointWaitsForTheOneInFlight() throws Exception {
        CheckpointWriter w = new CheckpointWriter("test-checkpoint");
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        w.submit(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("first");
        }, false);
        Thread next = new Thread(() -> w.submit(() -> order.add("second"), true));
        next.start();
        // the second checkpoint must be parked behind the first (not done) before the first may finish
        while (next.isAlive() && next.getState() != Thread.State.WAITING) Thread.onSpinWait();
        release.countDown();
        next.join();
        w.close();
        assertEquals(List.of("first", "second"), order);
    }

    @Test
    void aFailedBackgroundCheckpointIsThrownByTheNextOne() {
        CheckpointWriter w = new CheckpointWriter("test-checkpoint");
        UncheckedIOException boom = new UncheckedIOException("could not write state.json: disk full", new java.io.IOException("disk full"));
        w.submit(() -> { throw boom; }, false);
        List<String> ran = new CopyOnWriteArrayList<>();
        assertSame(boom, assertThrows(UncheckedIOException.class, () -> w.submit(() -> ran.add("next"), true)));
        assertEquals(List.of(), ran, "nothing is written after a failed checkpoint");
        w.close();
    }

    @Test
    void closeWaitsForTheCheckpointInFlightAndLeavesItsFailureToTheFailureUnwinding() {
        CheckpointWriter w = new CheckpointWriter("test-checkpoint");
        List<String> done = new CopyOnWriteArrayList<>();
        w.submit(() -> done.add("written"), false);
        w.close();
        assertEquals(List.of("written"), done);
        w.submit(() -> { throw new IllegalStateException("fails while another failure unwinds"); }, false);
        w.close(); // does not throw
        w.submit(() -> done.add("again"), false); // a closed writer starts a thread again for the next run
        w.close();
        assertEquals(List.of("written", "again"), done);
    }
}
