package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import msb.core.Json;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks have the shape notebooks/run relies on: the Java kernel, a first cell that is exactly
 * `%jars ../target/lib/`, and a shared-data check in the first Java cell of a notebook that reads the shared data.
 * They are committed executed, so that a reader sees their charts and tables without running them
 * ({@code notebooks/run --update} writes them): every code cell ran, in order, without an error, and each notebook
 * shows at least one chart (image/png) and one table (text/html), at a size a repository carries.
 */
class NotebooksTest {
    /** A notebook's file size limit: a few modest PNG charts, not megabytes. */
    static final long MAX_NOTEBOOK_BYTES = 1_500_000;

    @Test
    void notebooksHaveTheShapeTheRunnerNeeds() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.stream().map(p -> p.getFileName().toString()).toList()
                .containsAll(List.of("24h-directional-balance.ipynb", "live-funnel.ipynb", "controls.ipynb")), notebooks.toString());
        for (Path nb : notebooks) {
            JsonNode doc = Json.mapper().readTree(nb.toFile());
            assertEquals("java", doc.get("metadata").get("kernelspec").get("name").asText(), nb + " kernel");
            JsonNode cells = doc.get("cells");
            assertEquals("%jars ../target/lib/", source(cells.get(0)), nb + ": first cell");
            JsonNode firstJava = null;
            for (int i = 1; i < cells.size() && firstJava == null; i++) {
                if (cells.get(i).get("cell_type").asText().equals("code")) firstJava = cells.get(i);
            }
            assertTrue(firstJava != null, nb + ": no Java cell");
            if (Files.readString(nb).contains("shared/data")) {
                assertTrue(source(firstJava).contains("MSB_SHARED_DATA") && source(firstJava).contains("SHARED DATA ABSENT"),
                        nb + ": the first Java cell checks the shared data");
            }
        }
    }

    @Test
    void notebooksAreCommittedWithTheirOutputs() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        for (Path nb : notebooks) {
            assertTrue(Files.size(nb) <= MAX_NOTEBOOK_BYTES, nb + " is " + Files.size(nb) + " bytes");
            // outputs name paths relative to the repository (notebooks/run --update strips the checkout's path)
            String repo = Path.of("").toAbsolutePath().toString();
            assertFalse(Files.readString(nb).contains(repo + "/"), nb + " names this checkout's path " + repo);
            assertFalse(Files.readString(nb).contains("Add /"), nb + " adds jars by an absolute path");
            int images = 0, tables = 0, expected = 1;
            List<String> problems = new ArrayList<>();
            for (JsonNode cell : Json.mapper().readTree(nb.toFile()).get("cells")) {
                if (!cell.get("cell_type").asText().equals("code")) continue;
                JsonNode count = cell.get("execution_count");
                if (count == null || !count.isInt() || count.asInt() != expected) {
                    problems.add("cell " + cell.path("id").asText() + " has execution_count " + count + ", expected " + expected);
                }
                expected++;
                for (JsonNode out : cell.get("outputs")) {
                    if (out.get("output_type").asText().equals("error")) problems.add("cell " + cell.path("id").asText() + " failed");
                    JsonNode data = out.path("data");
                    if (data.has("image/png")) images++;
                    if (data.has("text/html")) tables++;
                }
            }
            assertEquals(List.of(), problems, nb + ": run notebooks/run --update " + nb.getFileName() + " and commit it");
            assertTrue(images > 0 && tables > 0, nb + " shows " + images + " charts and " + tables + " tables; run notebooks/run --update");
        }
    }

    private static String source(JsonNode cell) {
        StringBuilder b = new StringBuilder();
        cell.get("source").forEach(l -> b.append(l.asText()));
        return b.toString();
    }
}
