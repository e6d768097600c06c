package msb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import msb.decision.DecisionGateTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DecideCommandTest {
    record Run(int code, String out, String err) {}

    static Run run(String stdin, String... args) {
        CommandLine cl = Main.commandLine();
        CommandLine decide = cl.getSubcommands().get("decide");
        ((DecideCommand) decide.getCommand()).withInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "decide";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cl.execute(full);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void writesOneCompactLinePerInput() {
        String in = """
                {"thresholds":{"S_MIN":0.1,"M_MIN":0.1,"CONF_MIN":0.0,"ALPHA_MIN":0.2,"flip_mood":false,"flip_model":false,"allow_model_only_when_mood_neutral":true,"require_consensus":true},"cohort":{"pros":0.1,"amateurs":0,"mood":0.5},"model":{"s_model":-0.3}}
                {"thresholds":{"S_MIN":0.1,"M_MIN":0.1,"CONF_MIN":0.0,"ALPHA_MIN":0.2,"flip_mood":false,"flip_model":false,"allow_model_only_when_mood_neutral":true,"require_consensus":false},"cohort":{"pros":0.1,"amateurs":0,"mood":0.0},"model":{"s_model":0.15}}
                """;
        Run r = run(in);
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"dir\":0,\"alpha\":0.0,\"mode\":\"no_consensus\"}\n"
                + "{\"dir\":1,\"alpha\":0.2,\"mode\":\"model_only\"}\n", r.out().replace("\r\n", "\n"));
    }

    @Test
    void matchesTheGoldenVectorsEndToEnd() throws Exception {
        Path vectors = DecisionGateTest.vectors();
        List<String> lines = Files.readAllLines(vectors);
        Run r = run(String.join("\n", lines));
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertEquals(lines.size(), out.size());
        var mapper = msb.core.Json.mapper();
        for (int i = 0; i < lines.size(); i++) {
            var e = mapper.readTree(lines.get(i)).get("expect");
            var got = mapper.readTree(out.get(i));
            assertEquals(e.get("dir").asInt(), got.get("dir").asInt(), "line " + (i + 1));
            assertEquals(e.get("alpha").asDouble(), got.get("alpha").asDouble(), 1e-9, "line " + (i + 1));
            assertEquals(e.get("mode").asText(), got.get("mode").asText(), "line " + (i + 1));
        }
    }

    @Test
    void malformedLineExitsTwoNamingLineAndField() {
        String in = "{\"model\":{\"s_model\":0.2}}\n{\"model\":{\"s_model\":\"x\"}}\n";
        Run r = run(in);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("stdin line 2") && r.err().contains("model.s_model"), r.err());
        assertEquals("", r.out(), "nothing is written when a line is bad");

        Run missing = run("{\"cohort\":{\"mood\":0.2}}\n");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("stdin line 1") && missing.err().contains("model"), missing.err());

        Run badThr = run("{\"thresholds\":{\"S_MIN\":1.5},\"model\":{\"s_model\":0.2}}\n");
        assertEquals(2, badThr.code());
        assertTrue(badThr.err().contains("thresholds.S_MIN"), badThr.err());

        Run typo = run("{\"thresholds\":{\"S_MNI\":0.1},\"model\":{\"s_model\":0.2}}\n");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("stdin line 1: field 'thresholds.S_MNI' is unknown; did you mean 'S_MIN'?"), typo.err());

        Run notBool = run("{\"thresholds\":{\"flip_mood\":1},\"model\":{\"s_model\":0.2}}\n");
        assertEquals(2, notBool.code());
        assertTrue(notBool.err().contains("field 'thresholds.flip_mood'") && notBool.err().contains("true or false"), notBool.err());

        Run notJson = run("{oops\n");
        assertEquals(2, notJson.code());
        assertTrue(notJson.err().contains("stdin line 1"), notJson.err());
    }

    @Test
    void missingThresholdsComeFromTheConfigFile(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("strategy.yaml");
        Files.writeString(cfg, "gate:\n  S_MIN: 0.3\n  require_consensus: true\n");
        Run r = run("{\"cohort\":{\"mood\":0.5},\"model\":{\"s_model\":0.2}}\n"
                + "{\"cohort\":{\"mood\":0.5},\"model\":{\"s_model\":-0.4}}\n", "--config", cfg.toString());
        assertEquals(0, r.code(), r.err());
        List<String> out = r.out().lines().toList();
        assertTrue(out.get(0).contains("below_min"), out.get(0));
        assertTrue(out.get(1).contains("no_consensus"), out.get(1));

        Files.writeString(cfg, "gate:\n  S_MINN: 0.3\n");
        Run bad = run("{\"model\":{\"s_model\":0.2}}\n", "--config", cfg.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("gate.S_MINN"), bad.err());
    }
}
