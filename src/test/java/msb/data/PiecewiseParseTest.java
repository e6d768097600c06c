package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import msb.core.UserInputException;
import org.junit.jupiter.api.Test;

/**
 * Generic CSV read in line-aligned pieces on parallel threads must be indistinguishable from one pass:
 * the same bars, or the same refusal with the same message (the first problem in file order), for valid
 * files and seeded corruptions placed anywhere, including on the seams between pieces (a row repeated or
 * out of order across a seam, a binary byte in a late piece after a bad value in an early one).
 */
class PiecewiseParseTest {
    private static final long SEED = 20261202L;
    private static final int ITERATIONS = 400;
    private static final int ROWS = 60;
    private static final String[] BAD_VALUES = {"NaN", "", "-5", "0", "abc", "1,2", "1e999", "99999999"};

    @Test void piecesReadExactlyAsOnePassDoes() {
        Random rnd = new Random(SEED);
        int refused = 0, accepted = 0;
        for (int it = 0; it < ITERATIONS; it++) {
            boolean ms = it % 5 == 1, crlf = it % 7 == 3;
            List<String> lines = validLines(rnd, ms);
            String kind = corrupt(lines, rnd, it % 9 == 0 ? 0 : 1 + rnd.nextInt(3));
            String text = String.join(crlf ? "\r\n" : "\n", lines) + (it % 11 == 5 ? "" : crlf ? "\r\n" : "\n")
                    + (it % 13 == 7 ? "\n\n" : "");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (it % 17 == 4) bytes[rnd.nextInt(bytes.length)] = 0; // binary
            String one = outcome(bytes, 1);
            for (int pieces = 2; pieces <= 7; pieces++) {
                assertEquals(one, outcome(bytes, pieces), "iteration " + it + " (" + kind + "), " + pieces + " pieces:\n" + text);
            }
            if (one.startsWith("refused")) refused++;
            else accepted++;
        }
        assertTrue(refused > ITERATIONS / 4 && accepted > ITERATIONS / 10, "both outcomes exercised: " + refused + " refused, "
                + accepted + " accepted");
    }

    /** Half the file blank lines at its end: the last pieces start in that tail and hold no rows. */
    @Test void piecesThatStartInATrailingBlankTailReadAsOnePassDoes() {
        List<String> lines = validLines(new Random(2), false);
        String text = String.join("\n", lines) + "\n";
        byte[] bytes = (text + "\n".repeat(text.length())).getBytes(StandardCharsets.UTF_8);
        String one = outcome(bytes, 1);
        assertTrue(one.startsWith("bars "), one);
        for (int pieces = 2; pieces <= 7; pieces++) assertEquals(one, outcome(bytes, pieces), pieces + " pieces");
    }

    @Test void aLargeFileIsReallyCutIntoPieces() {
        List<String> lines = validLines(new Random(1), false);
        InputText in = InputText.of("p.csv", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), 5);
        assertEquals(5, in.pieces());
        for (int k = 1; k < in.pieces(); k++) assertEquals('\n', in.bytes[in.pieceFrom[k] - 1], "piece " + k + " starts a line");
    }

    /** The bars (every value, bit for bit) or the refusal's message. */
    private static String outcome(byte[] bytes, int pieces) {
        try {
            Bars b = CsvBarParser.generic(InputText.of("p.csv", bytes, pieces), true, 0);
            StringBuilder sb = new StringBuilder("bars ").append(b.intervalSec()).append(' ').append(b.size()).append('\n');
            for (int i = 0; i < b.size(); i++) {
                sb.append(b.ts(i));
                for (double[] col : new double[][]{b.open(), b.high(), b.low(), b.close(), b.volume()}) {
                    sb.append(',').append(Long.toHexString(Double.doubleToRawLongBits(col[i])));
                }
                sb.append('\n');
            }
            assertArrayEquals(new boolean[]{false}, new boolean[]{b.hasTakerBuy()});
            return sb.toString();
        } catch (UserInputException e) {
            return "refused: " + e.getMessage();
        }
    }

    private static List<String> validLines(Random r, boolean ms) {
        List<String> lines = new ArrayList<>();
        lines.add("timestamp,open,high,low,close,volume");
        double price = 30000;
        long ts = 1700000100L;
        for (int i = 0; i < ROWS; i++) {
            ts += r.nextInt(20) == 0 ? 600 : 300; // a few gaps: the interval is inferred across pieces
            double open = price, close = Math.round(price * (1 + (r.nextDouble() - 0.5) / 50) * 10) / 10.0;
            double high = Math.max(open, close) + 5.5, low = Math.min(open, close) - 4.5;
            lines.add((ms ? ts * 1000 : ts) + "," + open + "," + high + "," + low + "," + close + "," + Math.round(r.nextDouble() * 1000) / 100.0);
            price = close;
        }
        return lines;
    }

    /** {@code count} corruptions at random rows; returns what was done. */
    private static String corrupt(List<String> lines, Random rnd, int count) {
        StringBuilder kinds = new StringBuilder();
        for (int c = 0; c < count; c++) {
            int row = 1 + rnd.nextInt(lines.size() - 2);
            String[] f = lines.get(row).split(",", -1);
            int kind = rnd.nextInt(7);
            if ((kind == 3 || kind == 5) && !f[0].matches("\\d+")) kind = 1; // a row corrupted before has no time to change
            switch (kind) {
                case 0 -> { kinds.append("bad value;"); f[1 + rnd.nextInt(5)] = BAD_VALUES[rnd.nextInt(BAD_VALUES.length)]; lines.set(row, String.join(",", f)); }
                case 1 -> { kinds.append("duplicate;"); lines.add(row, lines.get(row)); }
                case 2 -> { kinds.append("swap;"); lines.set(row, lines.set(row + 1, lines.get(row))); }
                case 3 -> { kinds.append("other unit;"); f[0] = Long.toString(Long.parseLong(f[0]) * 1000); lines.set(row, String.join(",", f)); }
                case 4 -> { kinds.append("missing field;"); lines.set(row, lines.get(row).substring(0, lines.get(row).lastIndexOf(','))); }
                case 5 -> { kinds.append("misaligned time;"); f[0] = Long.toString(Long.parseLong(f[0]) + 7); lines.set(row, String.join(",", f)); }
                default -> { kinds.append("blank line;"); lines.add(row, ""); }
            }
        }
        return kinds.toString();
    }
}
