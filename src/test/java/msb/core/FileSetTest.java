package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Several files replaced as one unit: a writer killed at any step leaves the old set or, after recovery, the new one. */
class FileSetTest {
    /** Staged one by one or side by side (stageAll), a committed set replaces every file and leaves no temp. */
    @ParameterizedTest(name = "side by side: {0}")
    @ValueSource(booleans = {false, true})
    void aCommittedSetReplacesEveryFileAndLeavesNoTemp(boolean sideBySide, @TempDir Path dir) throws IOException {
        write(dir, "old", "old");
        FileSet set = new FileSet(dir);
        java.util.function.Consumer<Path> newA = p -> AtomicFiles.writeString(p, "new-a");
        java.util.function.Consumer<Path> newJ = p -> AtomicFiles.writeString(p, "new-j");
        if (sideBySide) {
            set.stageAll(List.of("a.bars", "a.json"), List.of(newA, newJ));
        } else {
            set.stage("a.bars", newA);
            set.stage("a.json", newJ);
        }
        assertEquals("old", Files.readString(dir.resolve("a.bars")), "nothing visible before commit");
        set.commit();
        assertEquals("new-a", Files.readString(dir.resolve("a.bars")));
        assertEquals("new-j", Files.readString(dir.resolve("a.json")));
        assertEquals(List.of("a.bars", "a.json"), names(dir));
    }

    @Test
    void killedBeforeTheJournalTheOldSetStaysAndRecoveryRemovesTheTemps(@TempDir Path dir) throws IOException {
        write(dir, "old", "old");
        FileSet set = new FileSet(dir);
        set.stage("a.bars", p -> AtomicFiles.writeString(p, "new-a"));
        // killed here: no commit
        assertEquals(3, names(dir).size(), "a staged temp beside the old pair: " + names(dir));
        FileSet.recover(dir);
        assertEquals(List.of("a.bars", "a.json"), names(dir));
        assertEquals("old", Files.readString(dir.resolve("a.bars")));
        assertEquals("old", Files.readString(dir.resolve("a.json")));
    }

    @Test
    void killedAfterTheJournalRecoveryFinishesTheReplacement(@TempDir Path dir) throws IOException {
        write(dir, "old", "old");
        FileSet set = new FileSet(dir);
        Path a = set.stage("a.bars", p -> AtomicFiles.writeString(p, "new-a"));
        Path j = set.stage("a.json", p -> AtomicFiles.writeString(p, "new-j"));
        // killed after the journal and the first rename: the bars are new, the metadata still old
        AtomicFiles.writeString(dir.resolve(FileSet.JOURNAL), Json.pretty(new FileSet.Journal(
                Map.of(a.getFileName().toString(), "a.bars", j.getFileName().toString(), "a.json"))));
        AtomicFiles.move(a, dir.resolve("a.bars"));
        assertEquals("old", Files.readString(dir.resolve("a.json")), "torn until recovered");
        FileSet.recover(dir);
        assertEquals("new-a", Files.readString(dir.resolve("a.bars")));
        assertEquals("new-j", Files.readString(dir.resolve("a.json")));
        assertFalse(Files.exists(dir.resolve(FileSet.JOURNAL)));
        assertEquals(List.of("a.bars", "a.json"), names(dir));
    }

    @Test
    void aCommitAfterAnUnrecoveredCrashFinishesTheOldSetThenPublishesItsOwn(@TempDir Path dir) throws IOException {
        write(dir, "old", "old");
        FileSet crashed = new FileSet(dir);
        Path a = crashed.stage("a.bars", p -> AtomicFiles.writeString(p, "crashed-a"));
        AtomicFiles.writeString(dir.resolve(FileSet.JOURNAL), Json.pretty(new FileSet.Journal(
                Map.of(a.getFileName().toString(), "a.bars"))));
        FileSet next = new FileSet(dir);
        next.stage("a.json", p -> AtomicFiles.writeString(p, "next-j"));
        next.commit();
        assertEquals("crashed-a", Files.readString(dir.resolve("a.bars")));
        assertEquals("next-j", Files.readString(dir.resolve("a.json")));
        assertEquals(List.of("a.bars", "a.json"), names(dir));
    }

    @Test
    void aFailingWriterBesideAnotherStagesNothingAndRecoveryLeavesTheOldSet(@TempDir Path dir) throws IOException {
        write(dir, "old", "old");
        FileSet set = new FileSet(dir);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> set.stageAll(List.of("a.bars", "a.json"),
                List.of(p -> AtomicFiles.writeString(p, "new-a"), p -> { throw new IllegalStateException("disk full"); })));
        assertEquals("disk full", e.getMessage());
        set.commit(); // nothing was staged: publishes nothing
        FileSet.recover(dir);
        assertEquals("old", Files.readString(dir.resolve("a.bars")));
        assertEquals(List.of("a.bars", "a.json"), names(dir));
    }

    @Test
    void recoveryRemovesLeftoverTempDirectoriesToo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(".20260101T000000Z-gbm.tmp/sub"));
        Files.writeString(dir.resolve(".20260101T000000Z-gbm.tmp/sub/x"), "x");
        Files.writeString(dir.resolve("keep.json"), "{}");
        assertEquals(1, FileSet.removeTemps(dir));
        assertTrue(Files.exists(dir.resolve("keep.json")));
        assertEquals(List.of("keep.json"), names(dir));
    }

    private static void write(Path dir, String bars, String json) throws IOException {
        Files.writeString(dir.resolve("a.bars"), bars);
        Files.writeString(dir.resolve("a.json"), json);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
