package msb.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import msb.signal.Probs;
/** Probability comparisons with a tolerance that says what it is for. */
final class ProbAsserts {
    /**
     * The LSTM runs float32 kernels whose summation order depends on the batch size, the CPU's vector width and
     * the thread count: batch and single-bar outputs (and two fits on a busy machine) agree to float32 rounding
     * carried through the meta model and calibration, not bit for bit. A leak or a changed model moves
     * probabilities by orders of magnitude more.
     */
    static final double FLOAT32_KERNEL_TOLERANCE_PROB = 1e-5;

    private ProbAsserts() {}

    static void assertProbsClose(Probs[] expected, Probs[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].down(), actual[i].down(), FLOAT32_KERNEL_TOLERANCE_PROB, what + ": row " + i + " p_down");
            assertEquals(expected[i].neutral(), actual[i].neutral(), FLOAT32_KERNEL_TOLERANCE_PROB, what + ": row " + i + " p_neutral");
            assertEquals(expected[i].up(), actual[i].up(), FLOAT32_KERNEL_TOLERANCE_PROB, what + ": row " + i + " p_up");
        }
    }

    static void assertProbsClose(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, actual[i].length, what + ": row " + i + " classes");
            for (int c = 0; c < expected[i].length; c++) {
                assertEquals(expected[i][c], actual[i][c], FLOAT32_KERNEL_TOLERANCE_PROB, what + ": row " + i + " class " + c);
            }
        }
    }
}
