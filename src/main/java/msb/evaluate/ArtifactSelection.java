package msb.evaluate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;

/**
 * Which runs `evaluate --tf` takes for a timeframe: the promoted one (LATEST.json) and the newest run of
 * every other model kind, promoted or rejected, so that a rejected always-up is shown next to the stack.
 * Runs refused before fitting hold no model and are listed as skipped.
 */
public final class ArtifactSelection {
    private ArtifactSelection() {}

    public record Selection(List<Path> runDirs, List<String> skipped) {}

    public static boolean hasRuns(Workspace ws, String symbol, Timeframe tf) {
        return !runDirs(ws.modelsDir(symbol, tf)).isEmpty();
    }

    public static Selection forTimeframe(Workspace ws, String symbol, Timeframe tf) {
        Path dir = ws.modelsDir(symbol, tf);
        Optional<Path> latest = ArtifactStore.latest(ws, symbol, tf);
        List<Path> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String latestKind = null;
        if (latest.isPresent()) {
            out.add(latest.get());
            latestKind = ArtifactStore.verifiedManifest(latest.get()).model();
        }
        // newest run per model kind; run directory names sort by creation time, created_at breaks ties
        Map<String, Path> newest = new LinkedHashMap<>();
        Map<String, String> newestAt = new LinkedHashMap<>();
        for (Path run : runDirs(dir)) {
            Header h = header(run);
            if (h == null) continue;
            if (!h.fitted()) {
                skipped.add(run + ": refused before fitting (" + h.model() + "), no model to evaluate");
                continue;
            }
            String at = h.createdAt() == null ? run.getFileName().toString() : h.createdAt();
            if (!newest.containsKey(h.model()) || at.compareTo(newestAt.get(h.model())) >= 0) {
                newest.put(h.model(), run);
                newestAt.put(h.model(), at);
            }
        }
        for (var e : newest.entrySet()) {
            if (e.getKey().equals(latestKind)) continue;
            out.add(e.getValue());
        }
        return new Selection(List.copyOf(out), List.copyOf(skipped));
    }

    /** The manifest fields selection needs, read without verification (loading verifies). */
    private record Header(String model, boolean fitted, String createdAt) {}

    private static Header header(Path run) {
        try {
            var tree = Json.mapper().readTree(run.resolve(ArtifactManifest.FILE).toFile());
            if (tree == null || !tree.hasNonNull("model")) return null;
            return new Header(tree.get("model").asText(), !tree.has("fitted") || tree.get("fitted").asBoolean(),
                    tree.hasNonNull("created_at") ? tree.get("created_at").asText() : null);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<Path> runDirs(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(ArtifactManifest.FILE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir + ": " + e.getMessage(), e);
        }
    }
}
