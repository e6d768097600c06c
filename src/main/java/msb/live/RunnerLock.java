package msb.live;

import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.StoreLock;

/**
 * The lock of a runner's state directory ({@link StoreLock#runner}), taken as early as it may be: at once when
 * the directory exists (a second runner is refused before it chooses, loads or trains an artifact); for a new
 * directory, only when the run is sure to write it (its artifact verified, or about to be trained), so that a
 * run refused for a bad artifact writes nothing.
 */
final class RunnerLock implements AutoCloseable {
    private final Path stateDir;
    private final String command;
    private StoreLock lock;

    private RunnerLock(Path stateDir, String command) {
        this.stateDir = stateDir;
        this.command = command;
    }

    static RunnerLock early(Path stateDir, String command) {
        RunnerLock l = new RunnerLock(stateDir, command);
        if (Files.isDirectory(stateDir)) l.take();
        return l;
    }

    /** Takes the lock unless held already; exit 2 naming the holder's pid when another runner has it. */
    void take() {
        if (lock == null) lock = StoreLock.runner(stateDir, command);
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
