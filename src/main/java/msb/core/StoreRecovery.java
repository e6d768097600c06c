package msb.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a writer does first, under the home lock: every store directory of the home (datasets/ with the
 * raw store, models/, experiments/runs/) is brought to a consistent state by {@link FileSet#recover}
 * (journaled commits finished, temp files and temp directories of killed writers removed). Runner state
 * directories are left to their runner, which holds their own lock.
 */
public final class StoreRecovery {
    /** datasets/raw/SYMBOL/funding is the deepest store directory: 4 levels under the home. */
    private static final int MAX_DEPTH = 3;

    private StoreRecovery() {}

    public static void sweep(Workspace ws) {
        for (String top : List.of("datasets", "models", "experiments")) {
            Path root = ws.home().resolve(top);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root, MAX_DEPTH)) {
                for (Path dir : s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
                    if (Files.isDirectory(dir)) FileSet.recover(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
            }
        }
    }
}
