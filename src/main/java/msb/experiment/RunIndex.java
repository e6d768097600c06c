package msb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
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
import msb.core.UserInputException;
import msb.core.Workspace;
import msb.model.ArtifactManifest;
import msb.model.RunRecord;

/**
 * Every run recorded under {@code <home>/experiments/runs/}, under one id: the training run's directory name.
 * Reads this version's layout ({@code <run-id>/run.json}, with the experiment's {@code record.json} beside it)
 * and the two earlier ones (a training record {@code <SYMBOL>-<tf>-<run-id>.json}, an experiment directory
 * named after the experiment whose record names its training run), so that old ids keep resolving.
 */
public final class RunIndex {
    /**
     * One run.
     *
     * @param experimentDir the directory holding the experiment's record.json, or null for a plain training run
     * @param aliases       other names this run was recorded under (an earlier experiment directory's name)
     */
    public record Entry(RunRecord run, Path experimentDir, List<String> aliases) {
        public String id() { return run.runId(); }

        public boolean isExperiment() { return experimentDir != null; }
    }

    private RunIndex() {}

    /** Every recorded run, oldest first (run ids begin with their UTC creation time). */
    public static List<Entry> list(Workspace ws) {
        Path root = ws.runsDir();
        if (!Files.isDirectory(root)) return List.of();
        Map<String, RunRecord> runs = new LinkedHashMap<>();
        Map<String, Path> experiments = new LinkedHashMap<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        List<Path> children;
        try (var s = Files.list(root)) {
            children = s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + root + ": " + e.getMessage(), e);
        }
        for (Path p : children) {
            String name = p.getFileName().toString();
            if (Files.isRegularFile(p.resolve(RunRecord.FILE))) {
                RunRecord r = Json.read(p.resolve(RunRecord.FILE), RunRecord.class);
                runs.put(r.runId(), r);
                if (Files.isRegularFile(p.resolve(ExperimentRunner.RECORD))) experiments.put(r.runId(), p);
            } else if (Files.isRegularFile(p.resolve(ExperimentRunner.RECORD))) {
                JsonNode rec = readTree(p.resolve(ExperimentRunner.RECORD));
                String trained = rec.path("artifact").path("run_id").asText(name);
                experiments.put(trained, p);
                aliases.computeIfAbsent(trained, k -> new ArrayList<>()).add(name);
                runs.putIfAbsent(trained, fromExperiment(trained, rec));
            } else if (Files.isRegularFile(p) && name.endsWith(".json")) {
                RunRecord r = completed(Json.read(p, RunRecord.class));
                if (r.runId() != null && r.tf() != null) runs.put(r.runId(), r);
            }
        }
        List<Entry> out = new ArrayList<>();
        runs.forEach((id, r) -> out.add(new Entry(r, experiments.get(id), aliases.getOrDefault(id, List.of()))));
        out.sort(Comparator.comparing(Entry::id));
        return out;
    }

    /** The run named by an id, an earlier alias, or a directory (a run record's, an experiment's or a model run's). */
    public static Entry resolve(Workspace ws, String idOrDir) {
        List<Entry> all = list(ws);
        for (Entry e : all) if (e.id().equals(idOrDir) || e.aliases().contains(idOrDir)) return e;
        Path p = Path.of(idOrDir);
        if (Files.isDirectory(p)) {
            Path abs = p.toAbsolutePath().normalize();
            for (Entry e : all) {
                if (abs.equals(Path.of(e.run().runDir()).toAbsolutePath().normalize())
                        || (e.experimentDir() != null && abs.equals(e.experimentDir().toAbsolutePath().normalize()))
                        || abs.getFileName().toString().equals(e.id()) && abs.getParent().equals(ws.runsDir().toAbsolutePath().normalize())) {
                    return e;
                }
            }
            if (Files.isRegularFile(p.resolve(ExperimentRunner.RECORD))) {
                JsonNode rec = readTree(p.resolve(ExperimentRunner.RECORD));
                String id = rec.path("artifact").path("run_id").asText(p.getFileName().toString());
                return new Entry(fromExperiment(id, rec), abs, List.of());
            }
            Optional<ArtifactManifest> m = manifest(p);
            if (m.isPresent()) return new Entry(RunRecord.of(abs, m.get(), true, null), null, List.of());
        }
        throw new UserInputException("run '" + idOrDir + "': no such run id under " + ws.runsDir()
                + " and not a run directory; `msb runs list` shows the run ids");
    }

    /** A legacy training record completed from its artifact's manifest (range, creation time, configuration). */
    private static RunRecord completed(RunRecord r) {
        if (r.configSha256() != null || r.runDir() == null) return r;
        Optional<ArtifactManifest> m = manifest(Path.of(r.runDir()));
        if (m.isEmpty()) return r;
        return new RunRecord(r.formatVersion(), r.runId(), r.runDir(), m.get().createdAt(), r.tf(), r.symbol(), r.model(),
                r.seed(), r.experiment(), r.dataSource(), m.get().datasetRange(), m.get().fitted(), r.promoted(),
                r.promotionAllowed(), r.failedGates(), RunRecord.configSha256(m.get()), r.gates(), r.metrics(), r.timingsMs());
    }

    /** An earlier experiment record whose training run left no record of its own. */
    private static RunRecord fromExperiment(String id, JsonNode rec) {
        JsonNode spec = rec.path("spec"), art = rec.path("artifact");
        String dir = art.path("dir").asText(null);
        Optional<ArtifactManifest> m = dir == null ? Optional.empty() : manifest(Path.of(dir));
        if (m.isPresent()) return RunRecord.of(Path.of(dir), m.get(), true, rec.path("experiment_file").asText(null));
        List<String> failed = new ArrayList<>();
        art.path("failed_gates").forEach(x -> failed.add(x.asText()));
        return new RunRecord(0, id, dir, rec.path("started_at").asText(null), spec.path("tf").asText(null),
                spec.path("symbol").asText(null), spec.path("model").asText(null), spec.path("seed").asLong(),
                rec.path("experiment_file").asText(null), spec.path("data_source").asText(null), null,
                art.path("fitted").asBoolean(true), art.path("promoted").asBoolean(false), true, failed, null,
                art.path("gates"), art.path("val_metrics"), Map.of());
    }

    /** The manifest of a model run directory, read without verifying its files (listing only). */
    static Optional<ArtifactManifest> manifest(Path runDir) {
        Path f = runDir.resolve(ArtifactManifest.FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(Json.mapper().readValue(f.toFile(), ArtifactManifest.class));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable: listed from its record alone
        }
    }

    private static JsonNode readTree(Path f) {
        try {
            return Json.mapper().readTree(f.toFile());
        } catch (IOException e) {
            throw new UserInputException(f + ": unreadable run record (" + e.getMessage() + "); remove it or re-run the experiment", e);
        }
    }
}
