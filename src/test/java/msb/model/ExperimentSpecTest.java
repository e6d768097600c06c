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
}
