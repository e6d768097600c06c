package msb.model;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Library, Java and OS versions plus the msb git commit, recorded in every manifest. */
final class Provenance {
    private Provenance() {}

    static Map<String, String> versions(boolean usedDjl) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("java", Runtime.version().toString());
        v.put("java_vendor", System.getProperty("java.vendor"));
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        v.put("arch", System.getProperty("os.arch"));
        v.put("smile", packageVersion(smile.classification.GradientTreeBoost.class));
        v.put("djl", packageVersion(ai.djl.Model.class));
        if (usedDjl) v.put("pytorch", ai.djl.engine.Engine.getEngine(LstmModel.ENGINE).getVersion());
        v.put("msb_commit", gitCommit());
        return v;
    }

    private static String packageVersion(Class<?> c) {
        String s = c.getPackage().getImplementationVersion();
        if (s != null) return s;
        try {
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getFileName().toString().replaceFirst("\\.jar$", "").replaceFirst("^.*?-(?=\\d)", "");
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** HEAD of the git checkout msb runs from, or "unknown" outside one. */
    static String gitCommit() {
        try {
            Path p = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
            while (p != null && !Files.exists(p.resolve(".git"))) p = p.getParent();
            if (p == null) return "unknown";
            Process proc = new ProcessBuilder("git", "-C", p.toString(), "rev-parse", "HEAD").redirectErrorStream(true).start();
            if (!proc.waitFor(3, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return "unknown";
            }
            String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return proc.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
