package msb.core;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * An OS file lock ({@link FileChannel#lock}) that serializes writers of one store across processes. The
 * operating system drops it when its process dies (kill -9 included), so a lock is never stale. The holder
 * writes its pid and command into the lock file, so that a waiter or a refusal can name it.
 *
 * <p>Two kinds: the home lock ({@code <home>/.msb.lock}) is taken by every command that writes datasets/,
 * models/ or experiments/ (import, fetch, dataset build, train, experiment run); a second writer waits,
 * saying so on stderr, up to {@link #HOME_WAIT_MS}, then exits 2 naming the holder. Taking the home lock
 * also runs {@link StoreRecovery#sweep}. The runner lock
 * ({@code <state-dir>/runner.lock}) is taken by run-live for its whole run; a second runner on the same
 * state directory is refused at once (exit 2 naming the holder's pid): two runners must never both trade.
 *
 * <p>Within one JVM (tests run many commands in one process) a registry stands in for the OS lock: POSIX
 * drops every lock a process holds on a file when any descriptor of it is closed, so a second in-process
 * user must not even open the file.
 */
public final class StoreLock implements AutoCloseable {
    /** How long a second writer of a home waits for the first before it is refused. */
    public static final long HOME_WAIT_MS = 600_000;
    public static final String HOME_LOCK_FILE = ".msb.lock";
    public static final String RUNNER_LOCK_FILE = "runner.lock";
    private static final long POLL_MS = 100;
    private static final Set<Path> HELD_IN_THIS_JVM = new HashSet<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The write lock of a home: waits (saying so on {@code err}) up to {@link #HOME_WAIT_MS}, then exit 2. */
    public static StoreLock home(Workspace ws, String command, PrintStream err) {
        StoreLock l = acquire(ws.home().resolve(HOME_LOCK_FILE), command, HOME_WAIT_MS, err, "another msb command is writing to "
                + ws.home());
        try {
            StoreRecovery.sweep(ws); // a killed writer's half-done replacement is finished or removed before anyone reads
        } catch (RuntimeException e) {
            l.close();
            throw e;
        }
        return l;
    }

    /**
     * The home's write lock without the recovery sweep, for a writer that only creates fresh temp names and
     * moves them atomically (run-live's retrain): in that process the cohort collector writes the cohort store
     * beside it, and a sweep would remove the collector's temp files under it.
     */
    public static StoreLock homeWithoutSweep(Workspace ws, String command, PrintStream err) {
        return acquire(ws.home().resolve(HOME_LOCK_FILE), command, HOME_WAIT_MS, err, "another msb command is writing to " + ws.home());
    }

    /** The lock of a runner's state directory: taken at once or refused (exit 2 naming the holder). */
    public static StoreLock runner(Path stateDir, String command) {
        return acquire(stateDir.resolve(RUNNER_LOCK_FILE), command, 0, null, "another runner uses the state directory " + stateDir);
    }

    /** Whether some process (or this one) holds the lock of {@code file} right now. */
    public static boolean isHeld(Path file) {
        Path key = file.toAbsolutePath().normalize();
        synchronized (HELD_IN_THIS_JVM) {
            if (HELD_IN_THIS_JVM.contains(key)) return true;
        }
        if (!Files.exists(key)) return false;
        try (StoreLock l = tryOnce(key)) {
            return l == null;
        } catch (IOException e) {
            return true;
        }
    }

    static StoreLock acquire(Path file, String command, long maxWaitMs, PrintStream errOrNull, String what) {
        Path key = file.toAbsolutePath().normalize();
        long deadline = System.nanoTime() + maxWaitMs * 1_000_000;
        boolean told = false;
        try {
            Files.createDirectories(key.getParent());
            while (true) {
                StoreLock l = tryOnce(key);
                if (l != null) {
                    l.recordHolder(command);
                    return l;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new UserInputException(what + " (" + holder(key) + ", lock " + key + ")"
                            + (maxWaitMs > 0 ? "; waited " + maxWaitMs / 1000 + " s" : "")
                            + "; wait for it to finish or stop it, then run this again");
                }
                if (!told && errOrNull != null) {
                    errOrNull.println("msb: waiting: " + what + " (" + holder(key) + ", lock " + key + ")");
                    errOrNull.flush();
                    told = true;
                }
                Thread.sleep(POLL_MS);
            }
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
            throw new UserInputException("could not lock " + key + ": " + (why == null ? e.getClass().getSimpleName() : why.toLowerCase(java.util.Locale.ROOT))
                    + "; check that --home is a writable directory", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while waiting for " + key);
        }
    }

    /** The lock if free now, else null (held by another process or by this JVM). */
    private static StoreLock tryOnce(Path key) throws IOException {
        synchronized (HELD_IN_THIS_JVM) {
            if (HELD_IN_THIS_JVM.contains(key)) return null;
            FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            if (lock == null) {
                ch.close();
                return null;
            }
            HELD_IN_THIS_JVM.add(key);
            return new StoreLock(key, ch, lock);
        }
    }

    private void recordHolder(String command) throws IOException {
        byte[] text = ("pid " + ProcessHandle.current().pid() + " (" + command + ", since " + Instant.now() + ")\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
    }

    /** "pid N (command, since T)" as the holder wrote it, read without opening the file in this JVM if held here. */
    private static String holder(Path key) {
        synchronized (HELD_IN_THIS_JVM) {
            if (HELD_IN_THIS_JVM.contains(key)) return "held by pid " + ProcessHandle.current().pid() + ", this process";
        }
        // Reading through a new descriptor is safe: this JVM holds no lock on the file.
        try {
            String s = Files.readString(key, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? "held by a process that has not written its pid yet" : "held by " + s;
        } catch (IOException | RuntimeException e) {
            return "holder unknown";
        }
    }

    public Path file() { return file; }

    @Override
    public void close() {
        synchronized (HELD_IN_THIS_JVM) {
            try {
                if (lock.isValid()) lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not release " + file + ": " + e.getMessage(), e);
            } finally {
                HELD_IN_THIS_JVM.remove(file);
            }
        }
    }
}
