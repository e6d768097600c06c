package msb.research;

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
 * The notebooks are committed executed, so that a reader sees their charts and tables without running them
 * ({@code notebooks/run --update} writes them): every code cell ran, in order, without an error, and each
 * notebook shows at least one chart (image/png) and one table (text/html), at a size a repository carries.
 */
class CommittedNotebooksTest {
    /** A notebook's file size limit: a few modest PNG charts, not megabytes. */
    static final long MAX_NOTEBOOK_BYTES = 1_500_000;

    @Test
    void everyNotebookIsCommittedWithItsOutputs() throws IOException {
        Path dir = Path.of(System.getProperty("msb.project.dir", "."), "notebooks");
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(dir)) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks under " + dir);
        for (Path nb : notebooks) {
            assertTrue(Files.size(nb) <= MAX_NOTEBOOK_BYTES, nb + " is " + Files.size(nb) + " bytes");
            JsonNode root = Json.mapper().readTree(nb.toFile());
            int images = 0, tables = 0, expected = 1;
            List<String> problems = new ArrayList<>();
            for (JsonNode cell : root.get("cells")) {
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
}
