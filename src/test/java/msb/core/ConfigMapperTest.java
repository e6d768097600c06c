package msb.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigMapperTest {
    /** A config shaped like the real ones: a nested section, snake_case names, a check in the constructor. */
    record Walk(int trainBars, int embargoBars, double valFrac) {
        Walk {
            if (!(valFrac > 0 && valFrac < 0.9)) throw new IllegalArgumentException("val_frac must be in (0, 0.9), got " + valFrac);
        }
    }

    record Spec(String name, Mode mode, boolean strict, Walk walkForward) {}

    enum Mode { GATE, BANDIT }

    static final Spec DEFAULTS = new Spec("x", Mode.GATE, false, new Walk(1000, 12, 0.2));

    private static Spec overlay(String yaml) {
        ConfigMapper.Source src = new ConfigMapper.Source("spec.yaml", yaml, true);
        return ConfigMapper.overlay(src, "", DEFAULTS, ConfigMapper.tree(src), Spec.class);
    }

    private static String refused(String yaml) {
        return assertThrows(UserInputException.class, () -> overlay(yaml)).getMessage();
    }

    @Test
    void anOverlayKeepsEveryUnspecifiedDefaultAtEveryDepth() {
        Spec s = overlay("mode: bandit\nwalk_forward:\n  embargo_bars: 3\n");
        assertEquals(Mode.BANDIT, s.mode(), "enums are read whatever their case");
        assertEquals(new Walk(1000, 3, 0.2), s.walkForward(), "the nested section keeps its other fields");
        assertEquals("x", s.name());
        assertEquals(DEFAULTS, overlay("{}\n"));
    }

    record Listed(java.util.List<String> names, Walk walkForward) {}

    @Test
    void aListInTheOverlayReplacesTheDefaultListWhole() {
        ConfigMapper.Source src = new ConfigMapper.Source("l.yaml", "names: [c]\n", true);
        Listed d = new Listed(List.of("a", "b"), DEFAULTS.walkForward());
        assertEquals(new Listed(List.of("c"), d.walkForward()), ConfigMapper.overlay(src, "", d, ConfigMapper.tree(src), Listed.class));
    }

    @Test
    void anUnknownTopLevelKeyNamesFileLineKnownKeysAndTheClosest() {
        String m = refused("name: a\nmdoe: gate\n");
        assertTrue(m.startsWith("spec.yaml line 2: field 'mdoe' is unknown; did you mean 'mode'?"), m);
        assertTrue(m.contains("known here: ") && m.contains("walk_forward"), m);
    }

    @Test
    void anUnknownNestedKeyNamesItsDottedPathAndLine() {
        String m = refused("name: a\nwalk_forward:\n  train_bars: 500\n  embargo_bar: 3\n");
        assertTrue(m.startsWith("spec.yaml line 4: field 'walk_forward.embargo_bar' is unknown; did you mean 'embargo_bars'?"), m);
        assertTrue(m.contains("(known here: embargo_bars, train_bars, val_frac)"), m);
    }

    @Test
    void aFarOffKeyGetsNoSuggestion() {
        String m = refused("zzzzzzzz: 1\n");
        assertTrue(m.contains("field 'zzzzzzzz' is unknown; (known here"), m);
        assertNull(ConfigMapper.closest("colour", List.of("train_bars", "mode")));
        assertEquals("embargo_bars", ConfigMapper.closest("embargo", List.of("train_bars", "embargo_bars")));
    }

    @Test
    void aWrongTypeNamesTheFieldItsLineAndWhatIsExpected() {
        String m = refused("walk_forward:\n  train_bars: many\n");
        assertTrue(m.startsWith("spec.yaml line 2: field 'walk_forward.train_bars': 'many' is not a whole number"), m);
        m = refused("walk_forward:\n  train_bars: 2.5\n");
        assertTrue(m.contains("field 'walk_forward.train_bars'") && m.contains("not a whole number"), "2.5 is never truncated to 2: " + m);
        m = refused("mode: yolo\n");
        assertTrue(m.contains("field 'mode': 'yolo' is not one of gate, bandit"), m);
        m = refused("walk_forward: 3\n");
        assertTrue(m.contains("field 'walk_forward'") && m.contains("mapping"), m);
        m = refused("walk_forward:\n  embargo_bars:\n");
        assertTrue(m.contains("field 'walk_forward.embargo_bars' is empty, not a whole number"), m);
    }

    @Test
    void aValueTheRecordRefusesNamesTheFieldItsMessageStartsWith() {
        String m = refused("walk_forward:\n  val_frac: 1.5\n");
        assertTrue(m.startsWith("spec.yaml line 2: field 'walk_forward.val_frac': val_frac must be in (0, 0.9), got 1.5"), m);
    }

    @Test
    void jsonSourcesNameLinesToo() {
        ConfigMapper.Source src = new ConfigMapper.Source("s.json", "{\n \"walk_forward\": {\n  \"trian_bars\": 5}}", false);
        String m = assertThrows(UserInputException.class,
                () -> ConfigMapper.overlay(src, "", DEFAULTS, ConfigMapper.tree(src), Spec.class)).getMessage();
        assertTrue(m.startsWith("s.json line 3: field 'walk_forward.trian_bars' is unknown; did you mean 'train_bars'?"), m);
    }

    @Test
    void aKeyInTheSecondYamlDocumentIsFoundAndBadSyntaxNamesTheLine() {
        ConfigMapper.Source src = new ConfigMapper.Source("e.yaml", "tf: 5m\n---\nname: a\nwalk_forward:\n  x: 1\n", true);
        assertEquals(5, ConfigMapper.lineOf(src, "walk_forward.x"));
        assertEquals(2, ConfigMapper.documents(src).size());
        String m = assertThrows(UserInputException.class,
                () -> ConfigMapper.tree(new ConfigMapper.Source("e.yaml", "a: 1\nb: [1\n", true))).getMessage();
        assertTrue(m.startsWith("e.yaml line ") && m.contains("not valid YAML"), m);
    }
}
