package msb.model;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import msb.core.Timeframe;
import msb.core.UserInputException;
import msb.dataset.LabelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentSpecTest {
    @Test
    void committedSpecsParseAndRestateTheDefaults() {
        Path dir = Path.of(System.getProperty("msb.project.dir", "."), "experiments");
        for (Timeframe tf : Timeframe.values()) {
            Path f = dir.resolve(tf.label() + ".yaml");
            ExperimentSpec e = ExperimentSpec.read(f);
            assertEquals(tf, e.tf());
            assertEquals(ModelKind.STACK, e.model());
            assertEquals(LabelSpec.DEFAULT, e.label());
            assertEquals(Hyperparameters.defaults(tf), e.hyperparametersFor(tf, f), f.toString());
        }
    }

    @Test
    void partialOverridesKeepTheRestAndBadValuesNameTheField(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("e.json");
        Files.writeString(f, "{\"label\":{\"k\":0.3,\"kind\":\"adaptive\"},\"hyperparameters\":{\"rf\":{\"trees\":7}}}");
        ExperimentSpec e = ExperimentSpec.read(f);
        assertEquals(0.3, e.label().k());
        Hyperparameters h = e.hyperparametersFor(Timeframe.H12, f);
        assertEquals(7, h.rf().trees());
        assertEquals(Hyperparameters.defaults(Timeframe.H12).gbm(), h.gbm());
        Files.writeString(f, "{\"hyperparameters\":{\"gbm\":{\"shrinkage\":5}}}");
        var x = assertThrows(UserInputException.class, () -> ExperimentSpec.read(f).hyperparametersFor(Timeframe.H12, f));
        assertTrue(x.getMessage().contains("gbm.shrinkage"), x.getMessage());
    }

    @Test
    void theCommittedFlowFundingTrendSpecDeclaresItsFeatures() {
        Path f = Path.of(System.getProperty("msb.project.dir", "."), "experiments", "1h-flow-funding-trend.yaml");
        ExperimentSpec e = ExperimentSpec.read(f);
        assertEquals(Timeframe.H1, e.tf());
        assertEquals(ModelKind.LOGREG, e.model());
        assertTrue(e.featuresOrNull().withDefaults());
        assertEquals(java.util.List.of("ofi_1", "ofi_24", "funding_z_168", "funding_chg_24", "ret_24", "ret_168", "ret_672",
                "rv_ratio_24_168", "rv_ratio_24_672", "range_pos_168", "range_pos_672", "hour_of_day", "day_of_week",
                "xret_ETH_1", "xret_ETH_24", "xspread_ETH_24"), e.featuresOrNull().explicit());
        var full = msb.experiment.ExperimentFile.read(f);
        assertEquals(e.featuresOrNull(), full.features());
        assertEquals(java.util.Set.of("ETH"), full.data().cross().keySet());
        assertTrue(full.data().fundingOrNull().toString().endsWith("btc_funding_rate.csv"));
    }

    @Test
    void featuresNeedTheTimeframeInTheSameFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("e.yaml");
        Files.writeString(f, "features: [default, {ret: [7d]}]\n");
        var x = assertThrows(UserInputException.class, () -> ExperimentSpec.read(f));
        assertTrue(x.getMessage().contains("'features' needs 'tf'"), x.getMessage());
        Files.writeString(f, "tf: 4h\nfeatures: [default, {ret: [7d]}]\n");
        assertEquals(java.util.List.of("ret_42"), ExperimentSpec.read(f).featuresOrNull().explicit());
    }
}
