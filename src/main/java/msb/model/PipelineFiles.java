package msb.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import msb.core.Hashing;
import msb.core.Json;
import msb.core.UserInputException;

/**
 * Writes and reads the model files of a run directory: {@code pipeline.json} (scaler, calibrations, BMA
 * weights, learner list), one file per Smile learner ({@code gbm.ser}, {@code rf.ser}, {@code logreg.ser},
 * {@code meta.ser}, read through an allow-list) and the LSTM weights ({@code lstm-0000.params}).
 */
final class PipelineFiles {
    static final String PIPELINE = "pipeline.json";
    static final String META = "meta.ser";

    private PipelineFiles() {}

    /** The small JSON part of a pipeline. */
    record Spec(String model, int features, List<String> learners, Standardizer scaler, Calibration calibration,
                Map<String, Calibration> baseCalibrations, Map<String, Double> bmaWeights) {}

    /** Writes every file of {@code p} into {@code dir}; returns file name -> sha256. */
    static Map<String, String> write(Pipeline p, Path dir) {
        Map<String, String> files = new LinkedHashMap<>();
        if (p.kind().constant()) return files;
        Map<String, Calibration> baseCals = new LinkedHashMap<>();
        p.baseCalibrations().forEach((k, v) -> baseCals.put(k.id(), v));
        Map<String, Double> weights = new LinkedHashMap<>();
        p.bmaWeights().forEach((k, v) -> weights.put(k.id(), v));
        List<String> learners = p.bases().keySet().stream().map(LearnerKind::id).toList();
        Json.write(dir.resolve(PIPELINE), new Spec(p.kind().id(), p.scaler().columns(), learners, p.scaler(),
                p.calibration(), baseCals, weights));
        files.put(PIPELINE, null);
        for (var e : p.bases().entrySet()) {
            Path f = dir.resolve(e.getKey().fileName());
            switch (e.getValue()) {
                case SmileModel s -> s.save(f);
                case LstmModel l -> l.save(dir);
                default -> throw new IllegalStateException("cannot save " + e.getValue().getClass().getName());
            }
            files.put(e.getKey().fileName(), null);
        }
        if (p.meta() != null) {
            p.meta().save(dir.resolve(META));
            files.put(META, null);
        }
        files.replaceAll((name, ignored) -> Hashing.sha256(dir.resolve(name)));
        return files;
    }

    private static LearnerKind learner(Path dir, String id) {
        for (LearnerKind l : LearnerKind.values()) if (l.id().equalsIgnoreCase(String.valueOf(id))) return l;
        throw new UserInputException(dir.resolve(PIPELINE) + ": learner '" + id + "' is not one msb knows ("
                + java.util.Arrays.stream(LearnerKind.values()).map(LearnerKind::id).toList() + "); the run directory was"
                + " edited or damaged: retrain it");
    }

    /** Rebuilds the pipeline of a verified run directory. */
    static Pipeline read(Path dir, ArtifactManifest m) {
        ModelKind kind = m.modelKind();
        if (kind.constant()) return Pipeline.constant(kind);
        Spec spec = Json.read(dir.resolve(PIPELINE), Spec.class);
        if (!kind.id().equals(spec.model())) {
            throw new UserInputException(dir.resolve(PIPELINE) + ": model " + spec.model() + " but the manifest says " + kind.id());
        }
        Map<LearnerKind, ProbaModel> bases = new LinkedHashMap<>();
        try {
            for (String id : spec.learners()) {
                LearnerKind l = learner(dir, id);
                Path f = dir.resolve(l.fileName());
                ProbaModel model = switch (l) {
                    case LSTM -> LstmModel.load(dir, m.hyperparameters().lstm(), spec.features());
                    case LOGREG -> SmileModel.load(f, 0);
                    case GBM, RF -> SmileModel.load(f, spec.features());
                };
                bases.put(l, model);
            }
            SmileModel meta = kind == ModelKind.STACK ? SmileModel.load(dir.resolve(META), 0) : null;
            Map<LearnerKind, Calibration> baseCals = new LinkedHashMap<>();
            spec.baseCalibrations().forEach((k, v) -> baseCals.put(learner(dir, k), v));
            Map<LearnerKind, Double> weights = new LinkedHashMap<>();
            spec.bmaWeights().forEach((k, v) -> weights.put(learner(dir, k), v));
            return new Pipeline(kind, spec.scaler(), bases, meta, spec.calibration(), baseCals, weights);
        } catch (RuntimeException e) {
            for (ProbaModel b : bases.values()) if (b instanceof LstmModel l) l.close();
            if (e instanceof IllegalArgumentException || e instanceof NullPointerException) { // an unknown learner, a field missing
                throw new UserInputException(dir.resolve(PIPELINE) + ": " + (e.getMessage() == null ? "a required field is missing"
                        : e.getMessage()) + "; the run directory was edited or damaged: retrain it", e);
            }
            throw e;
        }
    }
}
