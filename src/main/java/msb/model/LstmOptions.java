package msb.model;

/**
 * LSTM over the last {@code windowRows} feature vectors (DJL, PyTorch engine, CPU): state size, epochs,
 * mini-batch size, Adam learning rate.
 */
public record LstmOptions(int windowRows, int hiddenSize, int epochs, int batchSize, double learningRate) {
    public LstmOptions {
        if (windowRows < 1 || windowRows > 512) throw new IllegalArgumentException("lstm.window_rows must be in [1,512], got " + windowRows);
        if (hiddenSize < 1) throw new IllegalArgumentException("lstm.hidden_size must be >= 1, got " + hiddenSize);
        if (epochs < 1) throw new IllegalArgumentException("lstm.epochs must be >= 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("lstm.batch_size must be >= 1, got " + batchSize);
        if (!(learningRate > 0)) throw new IllegalArgumentException("lstm.learning_rate must be > 0, got " + learningRate);
    }
}
