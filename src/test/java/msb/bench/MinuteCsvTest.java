package msb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import msb.core.UserInputException;
import msb.data.Bars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinuteCsvTest {

    /** n rows of gen_1m.py's layout, both a small file (one thread) and a large one (two halves). */
    static List<String> rows(int n) {
        Bars b = SyntheticBars.minutes(n, 3);
        List<String> out = new ArrayList<>();
        out.add("ts,open,high,low,close,volume");
        for (int i = 0; i < n; i++) {
            out.add(b.ts(i) + "," + b.open()[i] + "," + b.high()[i] + "," + b.low()[i] + "," + b.close()[i] + "," + b.volume()[i]);
        }
        return out;
    }

    @Test
    void readsExactlyWhatParseDoubleReads(@TempDir Path dir) throws IOException {
        for (int n : new int[]{50, 40_000}) {
            List<String> lines = rows(n);
            lines.add(7, "");
            Path f = dir.resolve("m" + n + ".csv");
            Files.write(f, lines);
            Bars b = MinuteCsv.read(f);
            assertEquals(n, b.size());
            int k = 0;
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) continue;
                String[] p = line.split(",");
                assertEquals(Long.parseLong(p[0]), b.ts(k));
                assertEquals(Double.parseDouble(p[4]), b.close()[k]);
                assertEquals(Double.parseDouble(p[5]), b.volume()[k]);
                k++;
            }
        }
    }

    @Test
    void namesTheLineOfABadRowInEitherHalf(@TempDir Path dir) throws IOException {
        for (int bad : new int[]{10, 39_000}) {
            List<String> lines = rows(40_000);
            lines.set(bad - 1, lines.get(bad - 1).replaceFirst(",[0-9.]+$", ",NaN"));
            Path f = dir.resolve("bad" + bad + ".csv");
            Files.write(f, lines);
            var e = assertThrows(UserInputException.class, () -> MinuteCsv.read(f));
            assertTrue(e.getMessage().contains("line " + bad + ":"), e.getMessage());
        }
        List<String> lines = rows(40_000);
        lines.set(20_001, lines.get(19_000));
        Path f = dir.resolve("order.csv");
        Files.write(f, lines);
        var e = assertThrows(UserInputException.class, () -> MinuteCsv.read(f));
        assertTrue(e.getMessage().contains("is not after"), e.getMessage());
    }
}
