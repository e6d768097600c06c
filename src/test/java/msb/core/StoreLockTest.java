package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OS file locks of a home and of a runner's state directory (two processes: FaultInjectionTest). */
class StoreLockTest {
    @Test
    void aSecondRunnerOnOneStateDirectoryIsRefusedNamingTheHolder(@TempDir Path state) {
        try (StoreLock first = StoreLock.runner(state, "msb run-live --tf 5m")) {
            assertTrue(StoreLock.isHeld(first.file()));
            UserInputException e = assertThrows(UserInputException.class, () -> StoreLock.runner(state, "msb run-live --tf 5m"));
            assertTrue(e.getMessage().contains("another runner uses the state directory " + state), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
        // released: the next runner gets it
        try (StoreLock again = StoreLock.runner(state, "msb run-live --tf 5m")) {
            assertTrue(StoreLock.isHeld(again.file()));
        }
    }

    @Test
    void aSecondHomeWriterWaitsSayingSoAndRunsOnceTheFirstIsDone(@TempDir Path home) throws Exception {
        Workspace ws = Workspace.at(home);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        CompletableFuture<String> second;
        try (StoreLock first = StoreLock.home(ws, "msb data import", System.err)) {
            second = CompletableFuture.supplyAsync(() -> {
                try (StoreLock l = StoreLock.home(ws, "msb dataset build", errStream)) {
                    return "ran";
                }
            });
            // the waiter says so before it gets the lock; poll its stderr (no timing assertion: 60 s is a hang guard)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!err.toString(StandardCharsets.UTF_8).contains("waiting") && System.nanoTime() < deadline) Thread.sleep(20);
            assertTrue(!second.isDone(), "the second writer waits while the first holds the home");
        }
        assertEquals("ran", second.get(60, TimeUnit.SECONDS));
        String msg = err.toString(StandardCharsets.UTF_8);
        assertTrue(msg.contains("msb: waiting: another msb command is writing to " + home), msg);
        assertTrue(msg.contains(StoreLock.HOME_LOCK_FILE), msg);
    }
}
