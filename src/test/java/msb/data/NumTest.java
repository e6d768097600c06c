package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Num.parse(b, 0, b.length);
    }

    @Test void fastPathEqualsTheJdkBitForBit() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> String.format(java.util.Locale.ROOT, "%." + r.nextInt(9) + "f", r.nextDouble() * 120_000);
                case 1 -> Long.toString(r.nextLong(1_000_000_000_000L));
                case 2 -> "0.0000" + r.nextInt(1_000_000);
                default -> Double.toString(r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10));
            };
            assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(parse(s)), s);
        }
    }

    @Test void refusesWhatIsNotADecimal() {
        for (String s : new String[]{"", "-", ".", "1d", "0x10", " 1", "1 ", "1,5", "abc", "1..2", "--1"}) {
            assertThrows(Num.NotANumber.class, () -> parse(s), s);
        }
    }

    @Test void nonFiniteSpellingsComeBackNonFinite() {
        assertEquals(Double.NaN, parse("NaN"));
        assertEquals(Double.POSITIVE_INFINITY, parse("inf"));
        assertEquals(Double.POSITIVE_INFINITY, parse("1e999"));
        assertEquals(Double.NEGATIVE_INFINITY, parse("-Infinity"));
    }
}
