package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Json;
import msb.core.Timeframe;
import msb.core.Workspace;
import msb.data.CliRun;
import msb.dataset.DatasetStore;
import msb.evaluate.FeatureReport;
import msb.model.ArtifactManifest;
import msb.model.ArtifactStore;
import msb.signal.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluate report's features section (issue 13) on the embedded 5m demo: the feature report of the artifact's
 * feature set on its dataset, computed by the same code as {@code msb features report} (the JSON beside report.md
 * equals {@link FeatureReport#of} with the same draws), its chart, and --feature-draws 0 leaving it out.
 */
class EvaluateFeaturesSectionTest {
    @Test
    void reportCarriesTheFeatureReportOfTheArtifactsDataset(@TempDir Path home) throws Exception {
        CliRun train = CliRun.run(home, "train", "--tf", "5m", "--model", "logreg", "--quiet");
        assertTrue(train.code() == 0 || train.code() == 3, train.err());
        Path run = Path.of(train.out().lines().toList().getLast());
        CliRun eval = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--report", "rep", "--feature-draws", "150");
        assertEquals(0, eval.code(), eval.err());
        Path dir = home.resolve("rep");
        String md = Files.readString(dir.resolve("report.md"));
        assertTrue(md.contains("### Features (the artifact's feature set on the BTC 5m dataset"), md);
        assertTrue(md.contains("perm dAUC") && md.contains("![VAL direction AUC per feature](01-5m-logreg-features.png)"), md);
        assertTrue(Files.size(dir.resolve("01-5m-logreg-features.png")) > 0);

        ArtifactManifest m = ArtifactStore.verifiedManifest(run);
        var ds = DatasetStore.load(Workspace.at(home), "BTC", Timeframe.M5);
        var boot = new Skill.BootstrapOptions(150, Skill.BootstrapOptions.DEFAULTS.level(), Skill.BootstrapOptions.DEFAULTS.seed(), 1);
        FeatureReport.Report direct = FeatureReport.of(ds, 1, m.hyperparameters(), boot, boot.seed());
        JsonNode written = Json.mapper().readTree(dir.resolve("01-5m-logreg-features.json").toFile());
        JsonNode expected = Json.mapper().readTree(Json.mapper().writeValueAsString(direct)); // numbers typed as when read back
        assertTrue(expected.equals(written), "the section is FeatureReport.of on the artifact's dataset");
        assertEquals(150, written.get("bootstrap_draws").asInt());
        assertEquals(m.columns().size(), written.get("features").size());

        CliRun without = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--report", "rep0", "--feature-draws", "0");
        assertEquals(0, without.code(), without.err());
        assertFalse(Files.readString(home.resolve("rep0").resolve("report.md")).contains("### Features"));
        CliRun few = CliRun.run(home, "evaluate", "--artifact", run.toString(), "--report", "rep1", "--feature-draws", "10");
        assertEquals(2, few.code(), few.err());
    }
}
