package msb.live;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import msb.core.Json;
import msb.core.StoreLock;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.dataset.Dataset;
import msb.dataset.DatasetBuilder;
import msb.dataset.DatasetStore;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.model.TrainOptions;
import msb.model.TrainResult;
import msb.model.Training;
import msb.model.TrainingData;

/**
 * Which artifact a runner uses: the one the state of a runner that retrains (--retrain-every) names; else {@code --artifact}; else the timeframe's promoted LATEST; else the one a
 * state directory being resumed was started with; else the newest fitted run of the timeframe (none promoted:
 * it runs in shadow mode), listing what exists; else, when no run exists, a model trained now on the stored
 * data (or the embedded default data). Each choice is said on stderr.
 */
public final class ArtifactChoice {
    private ArtifactChoice() {}

    /** {@code beforeTraining} runs before an artifact is trained for the runner (it takes the runner's lock). */
    public static Path resolve(Workspace ws, String symbol, Timeframe tf, Path explicitOrNull, StateStore state,
                               PrintStream err, Runnable beforeTraining) {
        Optional<Path> retrained = retrainedLive(ws, state);
        if (retrained.isPresent()) {
            err.println("msb: resuming with the runner's live artifact " + retrained.get().getFileName() + " (a runner that retrains"
                    + " keeps its own model: its state wins over " + (explicitOrNull != null ? "--artifact and " : "") + "LATEST.json)");
            return retrained.get();
        }
        if (explicitOrNull != null) return explicitOrNull.toAbsolutePath().normalize();
        Optional<Path> latest = ArtifactStore.latest(ws, symbol, tf);
        if (latest.isPresent()) return latest.get().toAbsolutePath().normalize();
        Optional<RunnerState> resumed = state.load();
        String stored = resumed.map(RunnerState::artifact).orElse(null);
        if (stored != null && !stored.isBlank() && Files.isDirectory(ws.resolveRecorded(stored))) {
            err.println("msb: no promoted " + tf.label() + " artifact; resuming with the runner's artifact " + stored);
            return ws.resolveRecorded(stored);
        }
        Optional<Path> existing = newestUnpromoted(ws, symbol, tf, err);
        if (existing.isPresent()) return existing.get().toAbsolutePath().normalize();
        beforeTraining.run();
        // training writes datasets/ and models/: under the home lock, like `msb train`
        try (StoreLock lock = StoreLock.home(ws, "msb run-live (training a missing artifact)", err)) {
            Optional<Path> meanwhile = ArtifactStore.latest(ws, symbol, tf);
            if (meanwhile.isPresent()) return meanwhile.get().toAbsolutePath().normalize();
            return trainNow(ws, symbol, tf, err);
        }
    }

    /**
     * The artifact a state directory that retrains names: its state is the one record of which run is live (a
     * retrain promoted after the last checkpoint may have moved LATEST.json, and must not be picked up).
     */
    private static Optional<Path> retrainedLive(Workspace ws, StateStore state) {
        RunnerState s;
        try {
            s = state.load().orElse(null);
        } catch (RuntimeException e) {
            return Optional.empty(); // a damaged state is reported where the runner opens it
        }
        if (s == null || s.status() == null || s.status().retrain() == null || s.artifact() == null || s.artifact().isBlank()) {
            return Optional.empty();
        }
        Path dir = ws.resolveRecorded(s.artifact()).toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static Path trainNow(Workspace ws, String symbol, Timeframe tf, PrintStream err) {
        err.println("msb: no " + tf.label() + " run for " + symbol + " under " + ws.modelsDir(symbol, tf)
                + "; training one first (msb train --tf " + tf.label() + ")");
        Dataset ds = DatasetBuilder.loadOrBuild(ws, symbol, tf, DatasetBuilder.Options.DEFAULT, err);
        Path manifestFile = DatasetStore.dir(ws, symbol, tf).resolve(DatasetBuilder.MANIFEST_FILE);
        var manifest = Json.read(manifestFile, com.fasterxml.jackson.databind.JsonNode.class);
        String source = manifest.path("source").path("name").asText("stored bars");
        TrainResult r = Training.train(ws, symbol, tf, new TrainingData(ds, manifest, source), TrainOptions.defaults(),
                err, Clock.systemUTC());
        err.println("msb: trained " + r.runDir() + (r.promoted() ? " (promoted)"
                : " (NOT promoted: " + String.join(", ", r.failedGates()) + "; the runner will run it in shadow mode)"));
        return r.runDir().toAbsolutePath().normalize();
    }

    /**
     * With runs but none promoted: says what exists and picks the newest fitted run (a learned model before a
     * constant baseline), which the runner then plays in shadow mode; empty when no fitted run exists.
     */
    static Optional<Path> newestUnpromoted(Workspace ws, String symbol, Timeframe tf, PrintStream err) {
        List<ArtifactManifest> fitted = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (Path run : ArtifactStore.runs(ws, symbol, tf)) {
            try {
                ArtifactManifest m = Json.read(run.resolve(ArtifactManifest.FILE), ArtifactManifest.class);
                if (m.fitted()) {
                    fitted.add(m);
                    dirs.add(run);
                }
            } catch (RuntimeException e) {
                err.println("msb: skipping " + run + " (unreadable manifest: " + e.getMessage() + ")");
            }
        }
        if (fitted.isEmpty()) return Optional.empty();
        int pick = -1;
        for (int i = fitted.size() - 1; i >= 0 && pick < 0; i--) if (!fitted.get(i).modelKind().constant()) pick = i;
        if (pick < 0) pick = fitted.size() - 1;
        StringBuilder b = new StringBuilder("msb: no promoted " + tf.label() + " artifact for " + symbol + "; "
                + fitted.size() + (fitted.size() == 1 ? " fitted run exists" : " fitted runs exist") + ", none promoted:\n");
        for (int i = 0; i < fitted.size(); i++) {
            ArtifactManifest m = fitted.get(i);
            b.append("msb:   ").append(i == pick ? "* " : "  ").append(m.runId()).append("  ").append(m.model())
                    .append(m.failedGates().isEmpty() ? "  (trained with --no-promote)" : "  failed: " + String.join(", ", m.failedGates()))
                    .append('\n');
        }
        b.append("msb: using the newest, ").append(fitted.get(pick).runId()).append(" (*), in shadow mode; --artifact DIR picks another, ")
                .append("`msb runs list --tf ").append(tf.label()).append("` shows them all, `msb train --tf ").append(tf.label())
                .append("` trains a new one");
        err.println(b);
        return Optional.of(dirs.get(pick));
    }
}
