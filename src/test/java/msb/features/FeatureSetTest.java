package msb.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.core.Timeframe;
import msb.core.UserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetTest {

    private static FeatureSet parse(String yaml, Timeframe tf) throws Exception {
        return FeatureSet.parse(new YAMLMapper().readTree(yaml), tf, "test: features");
    }

    @Test
    void durationsBecomeBarsOfTheTimeframe() throws Exception {
        FeatureSet s = parse("[default, calendar, {ret: [1, 24h, 7d, 28d]}, {rv_ratio: [[24h, 7d]]}, {range_pos: 7d},"
                + " {ofi: [1, 24h]}, {funding_z: [7d]}, {funding_chg: 24h}, mom_1]", Timeframe.H1);
        assertTrue(s.withDefaults());
        assertEquals(List.of("hour_of_day", "day_of_week", "ret_1", "ret_24", "ret_168", "ret_672", "rv_ratio_24_168",
                "range_pos_168", "ofi_1", "ofi_24", "funding_z_168", "funding_chg_24", "mom_1"), s.explicit());
        assertEquals(List.of("ret_6", "ret_42"), parse("[{ret: [24h, 7d]}]", Timeframe.parse("4h")).explicit());
        assertEquals(List.of("ret_288"), parse("[{ret: 24h}]", Timeframe.M5).explicit());
        assertTrue(s.needs(Feature.Input.FUNDING) && s.needs(Feature.Input.TAKER_BUY));
        assertFalse(FeatureSet.DEFAULT.needs(Feature.Input.FUNDING));
    }

    @Test
    void schemaPutsTheDefaultsFirstAndKeepsEachColumnOnce() throws Exception {
        FeatureSchema s = parse("[default, {ret: [1, 24]}, mom_1, rv_1h]", Timeframe.H1).schema(false, false);
        List<String> d = FeatureSchema.of(false, false).columns();
        assertEquals(d, s.columns().subList(0, d.size()));
        assertEquals(List.of("ret_1", "ret_24"), s.columns().subList(d.size(), s.width()));
        assertEquals(24, parse("[{ret: [24]}]", Timeframe.H1).schema(false, false).warmupBars());
        // the default part still leaves out what the source lacks; explicit funding features say funding is present
        FeatureSchema f = parse("[default, {funding_z: [24]}]", Timeframe.H1).schema(true, false);
        assertTrue(f.columns().contains("funding_rate") && f.columns().contains("funding_z_24") && f.hasFunding());
        assertEquals(List.of(FeatureSchema.COHORTS), f.absentInputs());
    }

    @Test
    void errorsNameTheItemAndTheFix() {
        assertThrows(UserInputException.class, () -> parse("[]", Timeframe.H1));
        var e = assertThrows(UserInputException.class, () -> parse("[{ret: [90m]}]", Timeframe.H1));
        assertTrue(e.getMessage().contains("90m is not a whole number of 1h bars"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> parse("[{retz: [1]}]", Timeframe.H1));
        assertTrue(e.getMessage().contains("unknown kind 'retz'"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> parse("[{rv_ratio: [24]}]", Timeframe.H1));
        assertTrue(e.getMessage().contains("pairs [short, long]"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> parse("[{rv_ratio: [[168, 24]]}]", Timeframe.H1));
        assertTrue(e.getMessage().contains("short < long"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> parse("[nope]", Timeframe.H1));
        assertTrue(e.getMessage().contains("unknown feature 'nope'"), e.getMessage());
        assertThrows(UserInputException.class, () -> parse("[{ret: [abc]}]", Timeframe.H1));
    }

    @Test
    void readsAFileWithOneKey(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.yaml");
        Files.writeString(f, "features:\n  - default\n  - ret: [7d]\n");
        assertEquals(List.of("ret_168"), FeatureSet.read(f, Timeframe.H1).explicit());
        Files.writeString(f, "features: [default]\nextra: 1\n");
        var e = assertThrows(UserInputException.class, () -> FeatureSet.read(f, Timeframe.H1));
        assertTrue(e.getMessage().contains("f.yaml line 2: field 'extra' is unknown") && e.getMessage().contains("known here: features"), e.getMessage());
    }
}
