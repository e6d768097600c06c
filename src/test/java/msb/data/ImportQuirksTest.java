package msb.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The legal quirks of CONTRACT.md "Import rules": each gives exactly the bars of the clean file. */
class ImportQuirksTest {
    private static final String CLEAN = """
            timestamp,open,high,low,close,volume
            1700000000,100,110,90,105,1.5
            1700000300,105,112,100,111,2
            1700000600,111,115,108,109,3
            """;

    private static Bars read(String content) { return read(content.getBytes(StandardCharsets.UTF_8)); }

    private static Bars read(byte[] content) {
        return BarImporter.read("q.csv", content, BarImporter.Options.auto()).bars();
    }

    private static void assertSame(Bars expected, Bars actual) {
        assertEquals(expected.intervalSec(), actual.intervalSec());
        assertArrayEquals(expected.ts(), actual.ts());
        assertArrayEquals(expected.open(), actual.open());
        assertArrayEquals(expected.high(), actual.high());
        assertArrayEquals(expected.low(), actual.low());
        assertArrayEquals(expected.close(), actual.close());
        assertArrayEquals(expected.volume(), actual.volume());
    }

    @Test void cleanFileIsStampedAtClose() {
        Bars b = read(CLEAN);
        assertEquals(300, b.intervalSec());
        assertArrayEquals(new long[]{1700000300, 1700000600, 1700000900}, b.ts());
        assertArrayEquals(new double[]{105, 111, 109}, b.close());
    }

    @Test void crlf() { assertSame(read(CLEAN), read(CLEAN.replace("\n", "\r\n"))); }

    @Test void byteOrderMark() {
        byte[] clean = CLEAN.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[clean.length + 3];
        bom[0] = (byte) 0xEF; bom[1] = (byte) 0xBB; bom[2] = (byte) 0xBF;
        System.arraycopy(clean, 0, bom, 3, clean.length);
        assertSame(read(CLEAN), read(bom));
    }

    @Test void trailingBlankLines() { assertSame(read(CLEAN), read(CLEAN + "\n\r\n\n  \n")); }

    @Test void noFinalNewline() { assertSame(read(CLEAN), read(CLEAN.strip())); }

    @Test void isoWithTAndZ() {
        assertSame(read(CLEAN), read(CLEAN.replace("1700000000", "2023-11-14T22:13:20Z")
                .replace("1700000300", "2023-11-14T22:18:20Z").replace("1700000600", "2023-11-14T22:23:20Z")));
    }

    @Test void isoWithSpaceAndOffset() {
        assertSame(read(CLEAN), read(CLEAN.replace("1700000000", "2023-11-14 23:13:20+01:00")
                .replace("1700000300", "2023-11-14 22:18:20+00:00").replace("1700000600", "2023-11-14 17:23:20-05:00")));
    }

    @Test void unixMilliseconds() {
        assertSame(read(CLEAN), read(CLEAN.replace("1700000000", "1700000000000")
                .replace("1700000300", "1700000300000").replace("1700000600", "1700000600000")));
    }

    @Test void closeTimesWithTsIsClose() {
        Bars b = BarImporter.read("q.csv", CLEAN.getBytes(StandardCharsets.UTF_8),
                new BarImporter.Options(ImportFormat.CSV, false, 0)).bars();
        assertArrayEquals(new long[]{1700000000, 1700000300, 1700000600}, b.ts());
    }

    @Test void quotedFieldsAndHeaderCase() {
        assertSame(read(CLEAN), read(CLEAN.replace("timestamp,open", "\"Timestamp\",Open").replace("1700000300,", "\"1700000300\",")));
    }

    @Test void gapsAreKeptAndReported() {
        String withGap = CLEAN + "1700001500,109,110,100,101,1\n"; // two 5m slots missing
        Bars b = read(withGap);
        assertEquals(4, b.size());
        assertEquals(300, b.intervalSec());
        GapSummary g = GapSummary.of(b);
        assertEquals(1, g.count());
        assertEquals(2, g.missingBars());
        assertEquals(2, g.largestMissingBars());
        assertEquals("2023-11-14T22:28:20Z", g.where().get(0).after());
    }

    @Test void explicitIntervalForASingleBar() {
        Bars b = BarImporter.read("one.csv", "timestamp,open,high,low,close,volume\n1700000000,1,1,1,1,0\n".getBytes(StandardCharsets.UTF_8),
                new BarImporter.Options(ImportFormat.CSV, true, 3600)).bars();
        assertArrayEquals(new long[]{1700003600}, b.ts());
    }

    /** RFC 4180 quoting: quoted fields, a comma and doubled quotes inside a quoted (unused) column. */
    @Test void quotedFields() {
        String quoted = """
                "timestamp","open","high","low","close","volume","note ""raw"", kept"
                "1700000000","100","110","90","105","1.5","a, b"
                1700000300,105,112,100,111,2,"say ""hi""\"
                "1700000600",111,"115",108,109,3,""
                """;
        assertSame(read(CLEAN), read(quoted));
    }

    @Test void brokenQuotingNamesTheLineAndField() {
        var open = org.junit.jupiter.api.Assertions.assertThrows(msb.core.UserInputException.class,
                () -> read(CLEAN.replace("1700000300,105,", "1700000300,\"105,")));
        assertEquals("q.csv line 3: field 2 opens a quote that never closes; quote a field as \"...\" and write a quote"
                + " inside it as \"\"", open.getMessage());
        var after = org.junit.jupiter.api.Assertions.assertThrows(msb.core.UserInputException.class,
                () -> read(CLEAN.replace("1700000600,111,115", "1700000600,111,\"115\"x")));
        assertEquals("q.csv line 4: field 3 has text after its closing quote; quote a field as \"...\" and write a"
                + " quote inside it as \"\"", after.getMessage());
        // a quoted number with a thousands comma is one field, and not a number
        var comma = org.junit.jupiter.api.Assertions.assertThrows(msb.core.UserInputException.class,
                () -> read(CLEAN.replace("1700000000,100,110", "1700000000,100,\"1,110\"")));
        assertEquals("q.csv line 2: high is '1,110', not a number; fix the row or re-export", comma.getMessage());
    }
}
