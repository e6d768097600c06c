package msb.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import msb.core.AtomicFiles;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.core.Workspace;

/**
 * Run directories under {@code models/<SYMBOL>/<tf>/} and the {@code LATEST.json} pointer. Loading verifies
 * the manifest's own hash and every listed file's sha256 before any model file is deserialized.
 */
public final class ArtifactStore {
    public static final String LATEST = "LATEST.json";

    private ArtifactStore() {}

    /** What LATEST.json holds: the promoted run's directory name and its manifest's sha256. */
    public record Latest(String runId, String manifestSha256, String promotedAt) {}

    /** The promoted run directory of a timeframe, if any. */
    public static Optional<Path> latest(Workspace ws, String symbol, Timeframe tf) {
        Path dir = ws.modelsDir(symbol, tf);
        Path file = dir.resolve(LATEST);
        if (!Files.exists(file)) return Optional.empty();
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + " is not a file; remove it and promote again (msb train --tf " + tf + ")");
        }
        Latest l = Json.read(file, Latest.class);
        if (l.runId() == null || l.runId().isBlank() || l.runId().equals(".") || l.runId().contains("/")
                || l.runId().contains("\\") || l.runId().contains("..")) {
            throw new UserInputException(file + ": run_id missing or not a plain directory name; retrain with `msb train --tf " + tf + "`");
        }
        Path run = dir.resolve(l.runId());
        if (Files.isSymbolicLink(run)) {
            throw new UserInputException(file + " points at " + run + ", a symbolic link; a promoted run is a directory under "
                    + dir + "; retrain with `msb train --tf " + tf + "`");
        }
        if (!Files.isDirectory(run) || !Files.isRegularFile(run.resolve(ArtifactManifest.FILE))) {
            throw new UserInputException(file + " points at " + run + ", which does not exist; retrain with `msb train --tf " + tf + "`");
        }
        String actual = Hashing.sha256(run.resolve(ArtifactManifest.FILE));
        if (!actual.equals(l.manifestSha256())) {
            throw new UserInputException(file + ": the manifest of " + run + " changed since promotion (sha256 "
                    + actual + ", promoted " + l.manifestSha256() + "); retrain or restore the run directory");
        }
        return Optional.of(run);
    }

    /**
     * Every finished run directory of a timeframe (promoted, rejected or refused), oldest first; run ids
     * sort by time. Unfinished temp directories are skipped.
     */
    public static List<Path> runs(Workspace ws, String symbol, Timeframe tf) {
        Path dir = ws.modelsDir(symbol, tf);
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isRegularFile(p.resolve(ArtifactManifest.FILE)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Replaces LATEST.json atomically so that it points at {@code runDir}. */
    static void promote(Path runDir, String promotedAt) {
        Latest l = new Latest(runDir.getFileName().toString(), Hashing.sha256(runDir.resolve(ArtifactManifest.FILE)), promotedAt);
        Json.write(runDir.getParent().resolve(LATEST), l);
    }

    /** Reads and verifies a run's manifest (its content hash and every listed file), without loading models. */
    public static ArtifactManifest verifiedManifest(Path runDir) {
        Path file = runDir.resolve(ArtifactManifest.FILE);
        refuseLink(runDir, file);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(runDir + ": no " + ArtifactManifest.FILE + "; not a training run directory (pass a directory under models/<SYMBOL>/<tf>/)");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserInputException(file + ": not valid JSON (" + e.getMessage() + "); the artifact is damaged, retrain it", e);
        }
        if (!(tree instanceof ObjectNode obj) || !obj.hasNonNull("content_sha256")) {
            throw new UserInputException(file + ": content_sha256 missing; the manifest was edited or damaged, retrain it");
        }
        String claimed = obj.get("content_sha256").asText();
        String actual = contentHash(obj);
        if (!claimed.equals(actual)) {
            throw new UserInputException(file + ": content does not match its content_sha256 (edited after training?); retrain or restore it");
        }
        ArtifactManifest m;
        try {
            m = Json.mapper().treeToValue(obj, ArtifactManifest.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(file + ": not a manifest this version understands (" + e.getMessage() + ")", e);
        }
        try {
            m.timeframe();
            m.modelKind();
        } catch (IllegalArgumentException e) {
            throw new UserInputException(file + ": " + e.getMessage() + "; the manifest was edited or damaged: retrain it", e);
        }
        if (m.formatVersion() < ArtifactManifest.OLDEST_READABLE_FORMAT_VERSION || m.formatVersion() > ArtifactManifest.FORMAT_VERSION) {
            throw new UserInputException(file + ": format_version " + m.formatVersion() + ", this msb reads "
                    + ArtifactManifest.OLDEST_READABLE_FORMAT_VERSION + " to " + ArtifactManifest.FORMAT_VERSION + "; retrain with this version");
        }
        for (Map.Entry<String, String> e : m.files().entrySet()) {
            Path f = runDir.resolve(e.getKey());
            if (!e.getKey().contains("/")) refuseLink(runDir, f);
            if (e.getKey().contains("/") || !Files.isRegularFile(f)) {
                throw new UserInputException(runDir + ": file " + e.getKey() + " listed in the manifest is missing; the artifact is incomplete, retrain it");
            }
            String sha = Hashing.sha256(f);
            if (!sha.equals(e.getValue())) {
                throw new UserInputException(f + ": sha256 " + sha + " differs from the manifest's " + e.getValue()
                        + " (file modified or corrupted); retrain or restore it");
            }
        }
        try (var s = Files.list(runDir)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                if (!name.equals(ArtifactManifest.FILE) && !m.files().containsKey(name)) {
                    throw new UserInputException(runDir + ": file " + name + " is not listed in the manifest (a model loader could "
                            + "pick it up); remove it or retrain");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + runDir + ": " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * Model files are read only from inside their run directory: a symbolic link (which could point at any
     * file, or at a device that never ends) is refused before it is hashed or read.
     */
    private static void refuseLink(Path runDir, Path f) {
        if (!Files.isSymbolicLink(f)) return;
        String target;
        try {
            target = Files.readSymbolicLink(f).toString();
        } catch (IOException | RuntimeException e) {
            target = "?";
        }
        throw new UserInputException(f + " is a symbolic link (to " + target + "); the files of a run directory must be"
                + " regular files inside " + runDir + "; copy the run directory whole or retrain");
    }

    /** sha256 of the manifest JSON without its content_sha256 field. */
    static String contentHash(ObjectNode manifest) {
        ObjectNode copy = manifest.deepCopy();
        copy.remove("content_sha256");
        return Hashing.sha256(Json.pretty(copy));
    }

    /** Writes the manifest with its content hash. */
    static void writeManifest(Path runDir, ArtifactManifest m) {
        ObjectNode tree = Json.mapper().valueToTree(m.withContentSha256(null));
        String sha = contentHash(tree);
        tree.put("content_sha256", sha);
        AtomicFiles.writeString(runDir.resolve(ArtifactManifest.FILE), Json.pretty(tree));
    }

    /** Verifies and loads any run directory. */
    public static LoadedArtifact load(Path runDir) {
        ArtifactManifest m = verifiedManifest(runDir);
        return open(runDir, m);
    }

    /**
     * Verifies and loads a run directory for a runner of {@code tf} and {@code symbol}; with
     * {@code columnsOrNull}, the feature columns must match in order. Every check runs before any model
     * file is read.
     */
    public static LoadedArtifact loadFor(Path runDir, Timeframe tf, String symbol, List<String> columnsOrNull) {
        ArtifactManifest m = verifiedManifest(runDir);
        if (!m.tf().equals(tf.label())) {
            throw new UserInputException("artifact " + runDir + " is a " + m.tf() + " model, this runner is " + tf.label()
                    + "; pass an artifact of models/" + symbol + "/" + tf.label() + "/ or train one with `msb train --tf " + tf.label() + "`");
        }
        if (!m.symbols().contains(symbol)) {
            throw new UserInputException("artifact " + runDir + " is a " + String.join(", ", m.symbols()) + " model, this runner trades "
                    + symbol + "; pass an artifact trained with --symbol " + symbol + (m.pool() == null ? "" : " or pooled over it"));
        }
        if (columnsOrNull != null && !columnsOrNull.equals(m.columns())) {
            throw new UserInputException("artifact " + runDir + " expects feature columns " + m.columns()
                    + " (schema " + m.schemaHash() + "), the runner's features are " + columnsOrNull
                    + "; retrain the model on the current dataset schema");
        }
        return open(runDir, m);
    }

    private static LoadedArtifact open(Path runDir, ArtifactManifest m) {
        if (!m.fitted()) {
            throw new UserInputException("artifact " + runDir + " was refused before fitting (failed gates: "
                    + String.join(", ", m.failedGates()) + ") and holds no model; fix the data and retrain");
        }
        return new LoadedArtifact(runDir.toAbsolutePath().normalize(), m, PipelineFiles.read(runDir, m));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
