package msb.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Replaces several files of one directory as one unit (a store's data and the metadata that records its
 * hash). Each new file is first written in full to a hidden temp file beside its target; {@link #commit}
 * then writes a journal ({@value #JOURNAL}) naming every temp -> target rename in one atomic step, does the
 * renames and deletes the journal. A crash before the journal leaves the old set; a crash after it leaves
 * a journal that {@link #recover} rolls forward. Recovery runs under the home lock, before any command
 * reads the store ({@link StoreRecovery}); it also removes leftover temp files and directories.
 */
public final class FileSet {
    /** The roll-forward journal of a directory whose files are being replaced. */
    public static final String JOURNAL = ".msb-commit.json";
    private static final String TMP_SUFFIX = ".tmp";

    private final Path dir;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> staged = new LinkedHashMap<>();

    /** The journal's content: temp file name -> target file name, both in the journal's directory. */
    public record Journal(Map<String, String> renames) {}

    public FileSet(Path dir) { this.dir = dir.toAbsolutePath().normalize(); }

    public Path dir() { return dir; }

    /**
     * Writes the new content of {@code name} to its temp file through {@code writer} (which may write that
     * path atomically itself) and returns the temp path (e.g. to hash it). Nothing visible changes yet.
     */
    public Path stage(String name, Consumer<Path> writer) {
        Path tmp = write(name, writer);
        staged.put(tmp.getFileName().toString(), name);
        return tmp;
    }

    /**
     * As {@link #stage} for several files, written side by side: the first on the calling thread, the others on
     * the common pool's (threads that exist already: a new thread costs fresh memory), so that each file's hashing
     * and fsync overlap the others'. Staged in the order given; a writer's failure is rethrown once all are done.
     */
    public void stageAll(List<String> names, List<Consumer<Path>> writers) {
        if (names.size() != writers.size()) throw new IllegalArgumentException("one writer per name");
        List<java.util.concurrent.CompletableFuture<Path>> others = new ArrayList<>();
        for (int k = 1; k < names.size(); k++) {
            String name = names.get(k);
            Consumer<Path> writer = writers.get(k);
            others.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> write(name, writer)));
        }
        List<Path> tmps = new ArrayList<>();
        Throwable first = null;
        try {
            if (!names.isEmpty()) tmps.add(write(names.get(0), writers.get(0)));
        } catch (RuntimeException | Error e) {
            first = e;
        }
        for (java.util.concurrent.CompletableFuture<Path> f : others) {
            try {
                tmps.add(f.join());
            } catch (java.util.concurrent.CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (first == null) first = cause;
                else first.addSuppressed(cause); // one failure propagates, the others ride along
            }
        }
        if (first instanceof RuntimeException re) throw re;
        if (first instanceof Error err) throw err;
        if (first != null) throw new IllegalStateException(first);
        for (int k = 0; k < names.size(); k++) staged.put(tmps.get(k).getFileName().toString(), names.get(k));
    }

    /** The new content of {@code name} in its temp file; nothing staged yet. */
    private Path write(String name, Consumer<Path> writer) {
        if (name.contains("/") || name.startsWith(".")) throw new IllegalArgumentException("not a plain file name: " + name);
        Path tmp = dir.resolve("." + name + "." + id + TMP_SUFFIX);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir + ": " + e.getMessage(), e);
        }
        writer.accept(tmp);
        return tmp;
    }

    /** Publishes every staged file at once (see the class comment). */
    public void commit() {
        if (staged.isEmpty()) return;
        Path journal = dir.resolve(JOURNAL);
        // an earlier crash's set goes first, or it would be lost (only rolled forward: our own temps must stay)
        if (Files.isRegularFile(journal)) rollForward(dir, readJournal(journal));
        AtomicFiles.writeString(journal, Json.pretty(new Journal(staged)));
        rollForward(dir, new Journal(staged));
        staged.clear();
    }

    /**
     * Brings {@code dir} to a consistent state: finishes a journaled commit, then removes temp files
     * ({@code .*.tmp}) and temp directories left by killed writers. Call only under the lock of the store.
     */
    public static void recover(Path dir) {
        Path journal = dir.resolve(JOURNAL);
        if (Files.isRegularFile(journal)) rollForward(dir, readJournal(journal));
        removeTemps(dir);
    }

    private static Journal readJournal(Path journal) {
        try {
            return Json.read(journal, Journal.class);
        } catch (RuntimeException e) {
            // AtomicFiles wrote it in one step: unreadable means edited by hand; the old set is still whole
            return new Journal(Map.of());
        }
    }

    private static void rollForward(Path dir, Journal j) {
        try {
            for (Map.Entry<String, String> e : j.renames().entrySet()) {
                Path tmp = dir.resolve(e.getKey());
                String target = e.getValue();
                if (target.contains("/") || target.startsWith(".") || e.getKey().contains("/")) continue;
                if (Files.exists(tmp)) AtomicFiles.move(tmp, dir.resolve(target));
            }
            Files.deleteIfExists(dir.resolve(JOURNAL));
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish replacing the files of " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Deletes hidden {@code .*.tmp} files and directories directly in {@code dir}; returns how many. */
    public static int removeTemps(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        List<Path> temps = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && n.endsWith(TMP_SUFFIX);
            }).forEach(temps::add);
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : temps) deleteTree(p);
        return temps.size();
    }

    static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + p + ": " + e.getMessage(), e);
        }
    }
}
