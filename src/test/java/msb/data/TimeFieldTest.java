package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeFieldTest {
    private static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return new TimeField().seconds(b, 0, b.length);
    }

    @Test void fastIsoAgreesWithJavaTime() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            long sec = r.nextLong(TimeField.MIN_PLAUSIBLE_SEC, 1_750_000_000L); // 2000 .. 2025: the plausible range
            int offsetMin = (r.nextInt(57) - 28) * 30;
            var odt = Instant.ofEpochSecond(sec).atOffset(ZoneOffset.ofTotalSeconds(offsetMin * 60));
            String iso = odt.toString();
            if (odt.getSecond() == 0) iso = iso.substring(0, 16) + ":00" + iso.substring(16); // java prints no :00 seconds
            String spaced = iso.substring(0, 10) + ' ' + iso.substring(11);
            assertEquals(sec, parse(iso), iso);
            assertEquals(sec, parse(spaced), spaced);
        }
    }

    @Test void rejectsImpossibleDatesAndMissingOffsets() {
        assertThrows(TimeField.BadTime.class, () -> parse("2023-02-30 00:00:00+00:00"));
        assertThrows(TimeField.BadTime.class, () -> parse("2023-13-01T00:00:00Z"));
        assertThrows(TimeField.BadTime.class, () -> parse("2023-01-01 00:00:00"));
        assertThrows(TimeField.BadTime.class, () -> parse("2023-01-01T00:00:00.5Z"));
    }

    @Test void millisecondsAreDecidedOncePerFile() {
        TimeField tf = new TimeField();
        assertEquals(1_700_000_000L, tf.fromNumber(1_700_000_000_000L));
        assertThrows(TimeField.BadTime.class, () -> tf.fromNumber(1_700_000_000_500L));
    }

    @Test void oneUnitPerFileAndOnlyPlausibleTimes() {
        TimeField seconds = new TimeField();
        assertEquals(1_700_000_000L, seconds.fromNumber(1_700_000_000L));
        TimeField.BadTime mixed = assertThrows(TimeField.BadTime.class, () -> seconds.fromNumber(1_700_000_300_000L));
        assertTrue(mixed.getMessage().contains("one unit per file"), mixed.getMessage());
        TimeField.BadTime micro = assertThrows(TimeField.BadTime.class, () -> new TimeField().fromNumber(1_700_000_000_000_000L));
        assertTrue(micro.getMessage().contains("microseconds"), micro.getMessage());
        long farFuture = System.currentTimeMillis() / 1000 + 30 * 86_400L;
        TimeField.BadTime future = assertThrows(TimeField.BadTime.class, () -> new TimeField().fromNumber(farFuture));
        assertTrue(future.getMessage().contains("in the future"), future.getMessage());
        assertThrows(TimeField.BadTime.class, () -> new TimeField().fromNumber(86_400));
        assertThrows(TimeField.BadTime.class, () -> parse("+999999999-12-31T00:00:00Z"));
        assertThrows(TimeField.BadTime.class, () -> parse("1969-12-31T00:00:00Z"));
    }
}
