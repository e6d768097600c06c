package msb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import msb.core.Json;
import org.junit.jupiter.api.Test;

/**
 * The committed notebooks have the shape notebooks/run relies on: the Java kernel, a first cell that is exactly
 * `%jars ../target/lib/`, a shared-data check in the first Java cell, and no stored outputs.
 */
class NotebooksTest {
    @Test
    void notebooksHaveTheShapeTheRunnerNeeds() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> s = Files.list(Path.of("notebooks"))) {
            notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertTrue(notebooks.stream().map(p -> p.getFileName().toString()).toList()
                .containsAll(List.of("24h-directional-balance.ipynb", "live-funnel.ipynb")), notebooks.toString());
        for (Path nb : notebooks) {
            JsonNode doc = Json.mapper().readTree(nb.toFile());
            assertEquals("java", doc.get("metadata").get("kernelspec").get("name").asText(), nb + " kernel");
            JsonNode cells = doc.get("cells");
            assertEquals("%jars ../target/lib/", source(cells.get(0)), nb + ": first cell");
            JsonNode firstJava = null;
            for (int i = 1; i < cells.size() && firstJava == null; i++) {
                if (cells.get(i).get("cell_type").asText().equals("code")) firstJava = cells.get(i);
            }
            assertTrue(firstJava != null && source(firstJava).contains("MSB_SHARED_DATA")
                    && source(firstJava).contains("SHARED DATA ABSENT"), nb + ": the first Java cell checks the shared data");
            for (JsonNode c : cells) {
                if (c.get("cell_type").asText().equals("code")) assertEquals(0, c.get("outputs").size(), nb + ": outputs stored");
            }
        }
    }

    private static String source(JsonNode cell) {
        StringBuilder b = new StringBuilder();
        cell.get("source").forEach(l -> b.append(l.asText()));
        return b.toString();
    }
}
