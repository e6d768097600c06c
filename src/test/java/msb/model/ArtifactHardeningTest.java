package msb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.dataset.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: hostile graphs and symbolic links are refused; the same data and seed give the same bytes. */
class ArtifactHardeningTest {
    /** Generous: the refusal takes milliseconds; before the fix the load never ended (this only guards a hang). */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir Path home;

    /**
     * Nested HashMaps, each level holding the next two as keys (built bottom-up, so writing it is cheap):
     * reading it back rehashes every key, 2^depth hashCode calls. 100 levels in a few KB.
     */
    static Path nestedHashMaps(Path file, int depth) throws Exception {
        Map<Object, Object> root = new HashMap<>();
        Map<Object, Object> s1 = root;
        Map<Object, Object> s2 = new HashMap<>();
        for (int i = 0; i < depth; i++) {
            Map<Object, Object> t1 = new HashMap<>();
            Map<Object, Object> t2 = new HashMap<>();
            t1.put("foo", "");
            s1.put(t1, "");
            s1.put(t2, "");
            s2.put(t1, "");
            s2.put(t2, "");
            s1 = t1;
            s2 = t2;
        }
        try (var out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(root);
        }
        return file;
    }

    private TrainResult train(Dataset ds, ModelKind kind, long clockSec) {
        return TrainingTest.train(Workspace.at(home), Timeframe.H24, ds, kind, 3, true, clockSec);
    }

    /** Replaces a listed file of a run directory and re-signs the manifest, as an adversary with write access could. */
    private static void plant(Path runDir, String name, Path content) throws Exception {
        Files.deleteIfExists(runDir.resolve(name));
        if (Files.isSymbolicLink(content)) {
            Files.createSymbolicLink(runDir.resolve(name), Files.readSymbolicLink(content));
        } else {
            Files.copy(content, runDir.resolve(name));
        }
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(runDir.resolve(ArtifactManifest.FILE).toFile());
        ((ObjectNode) tree.get("files")).put(name, Hashing.sha256(runDir.resolve(name)));
        tree.remove("content_sha256");
        tree.put("content_sha256", ArtifactStore.contentHash(tree));
        Files.writeString(runDir.resolve(ArtifactManifest.FILE), Json.pretty(tree));
    }

    @Test
    void aNestedHashMapFileIsRefusedAtOnceWithExit2() throws Exception {
        Path evil = nestedHashMaps(home.resolve("evil.ser"), 100);
        assertTrue(Files.size(evil) < 10_000, "a small file: " + Files.size(evil));
        UserInputException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(UserInputException.class, () -> SmileModel.load(evil, 0)));
        assertTrue(e.getMessage().contains("evil.ser") && e.getMessage().contains("retrain"), e.getMessage());

        TrainResult r = train(msb.model.SyntheticDatasets.make(Timeframe.H24, 1500, 5, 1.0), ModelKind.LOGREG, 1_700_000_000);
        plant(r.runDir(), "logreg.ser", evil);
        CliRun run = assertTimeoutPreemptively(HANG_GUARD, () -> CliRun.run(home, "run-live", "--tf", "24h", "--artifact",
                r.runDir().toString(), "--state-dir", home.resolve("state").toString()));
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().startsWith("msb: ") && run.err().contains("logreg.ser") && !run.err().contains("\tat "), run.err());
        assertFalse(Files.exists(home.resolve("state")), "nothing written");
    }

    @Test
    void aModelFileLinkedOutsideItsRunDirectoryIsRefused() throws Exception {
        TrainResult r = train(msb.model.SyntheticDatasets.make(Timeframe.H24, 1500, 5, 1.0), ModelKind.LOGREG, 1_700_000_000);
        Path outside = Files.copy(r.runDir().resolve("logreg.ser"), home.resolve("elsewhere.ser"));
        Path link = home.resolve("link.ser");
        Files.createSymbolicLink(link, outside);
        plant(r.runDir(), "logreg.ser", link);
        UserInputException e = assertThrows(UserInputException.class, () -> ArtifactStore.load(r.runDir()));
        assertTrue(e.getMessage().contains("logreg.ser is a symbolic link (to " + outside + ")"), e.getMessage());
    }

    /** rf.ser used to differ run to run (Smile records wall-clock fit times in each tree's metrics). */
    @Test
    void twoIdenticalTrainingsWriteByteIdenticalSmileModelFiles() {
        Dataset ds = msb.model.SyntheticDatasets.make(Timeframe.H24, 1500, 5, 1.0);
        for (ModelKind kind : new ModelKind[]{ModelKind.RF, ModelKind.GBM, ModelKind.LOGREG}) {
            Map<String, String> a = ArtifactStore.verifiedManifest(train(ds, kind, 1_700_000_000).runDir()).files();
            Map<String, String> b = ArtifactStore.verifiedManifest(train(ds, kind, 1_700_000_100).runDir()).files();
            assertTrue(a.keySet().stream().anyMatch(n -> n.endsWith(".ser")), kind + ": " + a);
            assertEquals(a, b, kind + ": every file of the run (model bytes, pipeline.json) has the same sha256");
        }
    }
}
