package msb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per rule of CONTRACT.md "Import rules": exit 2, the message names file + line, nothing written. */
class ImportRejectionTest {
    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    private static final String ROW2 = "1700000000,100,110,90,105,1.5\n";
    private static final String ROW3 = "1700000300,105,112,100,111,2\n";
    private static final String ROW4 = "1700000600,111,115,108,109,3\n";

    @TempDir
    Path tmp;

    private String rejected(String fileName, byte[] content, String... fragments) {
        Path file = CliRun.write(tmp.resolve("in"), fileName, content);
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "data", "import", "--in", file.toString());
        assertEquals(2, r.code(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.err().contains(fileName), () -> "names the file: " + r.err());
        for (String f : fragments) assertTrue(r.err().contains(f), () -> "expected '" + f + "' in: " + r.err());
        assertFalse(r.err().contains("Exception"), () -> "no stack trace: " + r.err());
        assertTrue(CliRun.filesUnder(home).isEmpty(), () -> "nothing written: " + CliRun.filesUnder(home));
        assertEquals("", r.out());
        return r.err();
    }

    private String rejected(String fileName, String content, String... fragments) {
        return rejected(fileName, content.getBytes(StandardCharsets.UTF_8), fragments);
    }

    @Test void emptyFile() { rejected("e.csv", "", "empty"); }

    @Test void whitespaceOnlyFile() { rejected("w.csv", "\n\r\n  \n", "empty"); }

    @Test void headerOnly() { rejected("h.csv", HEADER, "no data rows"); }

    @Test void binaryContent() {
        byte[] b = (HEADER + ROW2).getBytes(StandardCharsets.UTF_8);
        b[HEADER.length() + 3] = 0;
        rejected("b.csv", b, "binary");
    }

    @Test void gzipIsBinary() { rejected("g.csv", new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0}, "binary"); }

    @Test void utf16() {
        byte[] le = "timestamp,open\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[le.length + 2];
        b[0] = (byte) 0xFF; b[1] = (byte) 0xFE;
        System.arraycopy(le, 0, b, 2, le.length);
        rejected("u16.csv", b, "UTF-16");
    }

    @Test void tsIsOnlyForGenericCsv() {
        Path file = CliRun.write(tmp.resolve("in"), "ft.json", "[[1700000000000,1,2,1,1,3],[1700000300000,1,2,1,1,3]]");
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "data", "import", "--in", file.toString(), "--ts-is", "close");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--ts-is applies to generic CSV only"), r.err());
        assertTrue(CliRun.filesUnder(home).isEmpty());
    }

    @Test void truncatedLastLine() {
        rejected("t.csv", HEADER + ROW2 + ROW3 + "1700000600,111,115", "line 4", "truncated");
    }

    @Test void wrongColumnCount() {
        rejected("c.csv", HEADER + ROW2 + "1700000300,105,112,100,111\n" + ROW4, "line 3", "5 fields", "6");
    }

    @Test void tooManyColumns() { rejected("c7.csv", HEADER + ROW2 + "1700000300,105,112,100,111,2,9\n", "line 3", "7 fields"); }

    @Test void nonNumber() { rejected("n.csv", HEADER + ROW2 + "1700000300,105,abc,100,111,2\n", "line 3", "high", "abc"); }

    @Test void emptyField() { rejected("ef.csv", HEADER + ROW2 + "1700000300,105,112,100,,2\n", "line 3", "close is empty"); }

    @Test void nan() { rejected("nan.csv", HEADER + ROW2 + ROW3 + "1700000600,111,115,108,NaN,3\n", "line 4", "close", "NaN"); }

    @Test void infinity() { rejected("inf.csv", HEADER + ROW2 + "1700000300,inf,112,100,111,2\n", "line 3", "open", "finite"); }

    @Test void overflowingNumber() { rejected("big.csv", HEADER + ROW2 + "1700000300,105,112,100,111,1e999\n", "line 3", "volume", "finite"); }

    @Test void zeroPrice() { rejected("z.csv", HEADER + ROW2 + "1700000300,0,112,0,111,2\n", "line 3", "> 0"); }

    @Test void negativePrice() { rejected("neg.csv", HEADER + "1700000000,-1,110,-5,105,1\n", "line 2", "> 0"); }

    @Test void negativeVolume() { rejected("nv.csv", HEADER + "1700000000,100,110,90,105,-1\n", "line 2", "volume"); }

    @Test void highBelowLow() { rejected("hl.csv", HEADER + ROW2 + "1700000300,105,99,100,100,2\n", "line 3", "high 99.0 < low 100.0"); }

    @Test void openOutsideRange() { rejected("o.csv", HEADER + ROW2 + "1700000300,120,112,100,111,2\n", "line 3", "open 120.0 is outside"); }

    @Test void closeOutsideRange() { rejected("cl.csv", HEADER + ROW2 + "1700000300,105,112,100,95,2\n", "line 3", "close 95.0 is outside"); }

    @Test void duplicateTimestamp() { rejected("d.csv", HEADER + ROW2 + ROW3 + ROW3, "line 4", "repeats line 3"); }

    @Test void decreasingTimestamp() { rejected("dec.csv", HEADER + ROW2 + ROW4 + ROW3, "line 4", "earlier than line 3"); }

    @Test void mixedIntervals() {
        rejected("mix.csv", HEADER + ROW2 + ROW3 + ROW4 + "1700000700,111,115,108,109,3\n", "line 5", "not a whole number");
    }

    @Test void isoWithoutOffset() {
        rejected("iso.csv", HEADER + "2025-04-03 17:05:00,1,1,1,1,1\n2025-04-03 17:10:00,1,1,1,1,1\n", "line 2", "offset");
    }

    @Test void noHeader() { rejected("nh.csv", ROW2 + ROW3, "line 1", "no header"); }

    @Test void noHeaderIsoTimes() {
        rejected("nhi.csv", "2025-04-03 17:05:00+00:00,1,1,1,1,1\n2025-04-03 17:10:00+00:00,1,1,1,1,1\n", "line 1", "no header");
    }

    @Test void missingVolumeColumn() { rejected("mv.csv", "timestamp,open,high,low,close\n1700000000,1,1,1,1\n", "line 1", "no volume column"); }

    @Test void blankLineInTheMiddle() { rejected("bl.csv", HEADER + ROW2 + "\n" + ROW3, "line 3", "1 fields"); }

    @Test void jsonNanStringNamesTheRecord() {
        String json = """
                {"candles":[
                 {"start":"1700000000","open":"1","high":"2","low":"1","close":"1.5","volume":"3"},
                 {"start":"1700014400","open":"1","high":"2","low":"1","close":"NaN","volume":"3"}
                ]}""";
        rejected("cb.json", json, "record 2 (line 3)", "close");
    }

    @Test void truncatedJson() {
        String json = "{\"candles\":[{\"start\":\"1700000000\",\"open\":\"1\",\"high\":\"2\",\"low\":\"1\",\"close\":\"1.5\",\"volume\":\"3\"},\n{\"start\":\"17000";
        rejected("cut.json", json, "line 2", "not valid JSON");
    }

    @Test void jsonNanLiteral() {
        rejected("lit.json", "[[1700000000000,1,2,1,NaN,3],[1700000300000,1,2,1,1,3]]", "not valid JSON");
    }

    @Test void jsonDuplicateTimestamp() {
        rejected("ft.json", "[[1700000000000,1,2,1,1,3],\n[1700000000000,1,2,1,1,3]]", "record 2 (line 2)", "repeats record 1");
    }

    @Test void binanceKlineWithWrongCloseTime() {
        rejected("k.csv", "1700000000000,1,2,1,1,3,1700000299999,0,0,0,0,0\n1700000300000,1,2,1,1,3,1700000899999,0,0,0,0,0\n",
                "line 2", "mixes intervals");
    }

    @Test void tradesOutOfOrder() {
        rejected("tr.csv", "timestamp,price,amount\n1385337600,800,0.1\n1385337500,801,0.2\n", "line 3", "earlier than line 2");
    }

    @Test void tradesNonPositivePrice() {
        rejected("tp.csv", "timestamp,price,amount\n1385337600,800,0.1\n1385337700,0,0.2\n", "line 3", "price");
    }

    @Test void fundingConflictingDuplicate() {
        Path file = CliRun.write(tmp.resolve("in"), "f.csv", "ts,rate\n1700000000,0.0001\n1700000000,0.0002\n");
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "data", "import", "--funding", file.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("f.csv line 3") && r.err().contains("different rate"), r.err());
        assertTrue(CliRun.filesUnder(home).isEmpty());
    }

    @Test void missingFile() {
        Path home = tmp.resolve("home");
        CliRun r = CliRun.run(home, "data", "import", "--in", tmp.resolve("nope.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    @Test void failedReimportKeepsThePreviousSeries() {
        Path home = tmp.resolve("home");
        Path good = CliRun.write(tmp.resolve("in"), "s.csv", HEADER + ROW2 + ROW3);
        assertEquals(0, CliRun.run(home, "data", "import", "--in", good.toString()).code());
        var before = CliRun.filesUnder(home);
        Path bad = CliRun.write(tmp.resolve("in2"), "s.csv", HEADER + ROW2 + ROW3 + "1700000600,1,1,1,NaN,1\n");
        assertEquals(2, CliRun.run(home, "data", "import", "--in", bad.toString()).code());
        assertEquals(before, CliRun.filesUnder(home), "no temp or lock file left, series untouched");
        assertEquals(2, RawStore.load(msb.core.Workspace.at(home), "BTC", "s").size());
    }
}
