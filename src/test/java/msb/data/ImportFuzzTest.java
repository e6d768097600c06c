package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import msb.core.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random corruption of a valid CSV through the real CLI. Whatever the corruption: exit 0 or 2,
 * never 1 or a stack trace; on 2 nothing is written; on 0 every stored bar is exactly one of the valid
 * bars. Corruptions are the kinds that must be caught (hostile bytes, stray separators and newlines,
 * non-finite values, duplicated or swapped rows, cuts inside a line before its last field) or that are
 * legal and harmless (a cut at a line end, trailing blank lines).
 */
class ImportFuzzTest {
    private static final long SEED = 20261126L;
    private static final int ITERATIONS = 300;
    private static final byte[] HOSTILE = {0, 'x', 'N', ',', '\n', ';', (byte) 0xFF, '"', '\t', '#'};
    private static final String[] BAD_VALUES = {"NaN", "inf", "-inf", "1e999", "", "-5", "0", "abc", "1,2"};

    @TempDir
    Path tmp;

    private static String validCsv(boolean iso) {
        StringBuilder sb = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Random r = new Random(7);
        double price = 30000;
        for (int i = 0; i < 24; i++) {
            long ts = 1700000100L + 300L * i;
            double open = price, close = Math.round(price * (1 + (r.nextDouble() - 0.5) / 50) * 10) / 10.0;
            double high = Math.max(open, close) + 5.5, low = Math.min(open, close) - 4.5;
            String t = iso ? java.time.Instant.ofEpochSecond(ts).toString().replace('T', ' ').replace("Z", "+00:00")
                    : Long.toString(ts);
            sb.append(t).append(',').append(open).append(',').append(high).append(',').append(low).append(',')
                    .append(close).append(',').append(Math.round(r.nextDouble() * 1000) / 100.0).append('\n');
            price = close;
        }
        return sb.toString();
    }

    @Test void corruptedFilesNeverImportWrongDataOrCrash() {
        Random rnd = new Random(SEED);
        int accepted = 0, rejected = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            String valid = validCsv(it % 2 == 1);
            Map<Long, Bar> validBars = new HashMap<>();
            Bars vb = BarImporter.read("v.csv", valid.getBytes(StandardCharsets.UTF_8), BarImporter.Options.auto()).bars();
            for (int i = 0; i < vb.size(); i++) validBars.put(vb.ts(i), vb.get(i));

            String kind = "";
            byte[] corrupt;
            byte[] b = valid.getBytes(StandardCharsets.UTF_8);
            switch (rnd.nextInt(6)) {
                case 0 -> { kind = "replace byte"; corrupt = b.clone(); corrupt[rnd.nextInt(b.length - 1)] = HOSTILE[rnd.nextInt(HOSTILE.length)]; }
                case 1 -> { kind = "insert byte"; corrupt = insert(b, rnd.nextInt(b.length - 1), HOSTILE[rnd.nextInt(HOSTILE.length)]); }
                case 2 -> { kind = "bad value"; corrupt = badValue(valid, rnd).getBytes(StandardCharsets.UTF_8); }
                case 3 -> { kind = "duplicate row"; corrupt = rows(valid, rnd, true).getBytes(StandardCharsets.UTF_8); }
                case 4 -> { kind = "swap rows"; corrupt = rows(valid, rnd, false).getBytes(StandardCharsets.UTF_8); }
                default -> { kind = "cut"; corrupt = cut(b, rnd); }
            }
            Path home = tmp.resolve("home" + it);
            Path file = CliRun.write(tmp.resolve("in" + it), "fuzz.csv", corrupt);
            CliRun r = CliRun.run(home, "data", "import", "--in", file.toString());
            String ctx = "iteration " + it + " (" + kind + "): exit " + r.code() + ", stderr " + r.err() + "\n"
                    + new String(corrupt, StandardCharsets.UTF_8);
            assertFalse(r.err().contains("Exception") || r.err().contains("unexpected"), ctx);
            if (r.code() == 2) {
                rejected++;
                assertTrue(r.err().contains("fuzz.csv"), ctx);
                assertTrue(CliRun.filesUnder(home).isEmpty(), ctx);
            } else if (r.code() == 0) {
                accepted++;
                Bars stored = RawStore.load(Workspace.at(home), "BTC", "fuzz");
                assertTrue(stored.size() > 0, ctx);
                for (int i = 0; i < stored.size(); i++) {
                    assertEquals(validBars.get(stored.ts(i)), stored.get(i), ctx);
                }
            } else {
                fail(ctx);
            }
        }
        assertTrue(rejected > ITERATIONS / 2, "most corruptions are caught: " + rejected + " of " + ITERATIONS);
        assertTrue(accepted > 0, "some corruptions are harmless (trailing newline, cut at a line end)");
    }

    private static byte[] insert(byte[] b, int at, byte c) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static String badValue(String valid, Random rnd) {
        String[] lines = valid.split("\n");
        int row = 1 + rnd.nextInt(lines.length - 1);
        String[] f = lines[row].split(",");
        f[1 + rnd.nextInt(5)] = BAD_VALUES[rnd.nextInt(BAD_VALUES.length)];
        lines[row] = String.join(",", f);
        return String.join("\n", lines) + "\n";
    }

    private static String rows(String valid, Random rnd, boolean duplicate) {
        List<String> lines = new ArrayList<>(List.of(valid.split("\n")));
        int row = 1 + rnd.nextInt(lines.size() - 2);
        if (duplicate) lines.add(row, lines.get(row));
        else lines.set(row, lines.set(row + 1, lines.get(row)));
        return String.join("\n", lines) + "\n";
    }

    /** A cut that leaves the last line without its last field (must be refused), or at a line end (legal). */
    private static byte[] cut(byte[] b, Random rnd) {
        int at = 1 + rnd.nextInt(b.length - 1);
        int lineStart = at;
        while (lineStart > 0 && b[lineStart - 1] != '\n') lineStart--;
        int lastComma = -1;
        for (int i = lineStart; i < b.length && b[i] != '\n'; i++) if (b[i] == ',') lastComma = i;
        if (at > lastComma && at != lineStart) at = lastComma; // a cut inside the last field is indistinguishable from a legal file
        return java.util.Arrays.copyOf(b, Math.max(at, 1));
    }
}
