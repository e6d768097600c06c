package msb.model;

/** The base learners of the stack. */
public enum LearnerKind {
    GBM("gbm"), RF("rf"), LOGREG("logreg"), LSTM("lstm");

    private final String id;

    LearnerKind(String id) { this.id = id; }

    public String id() { return id; }

    /** The model file of this learner inside a run directory. */
    public String fileName() { return this == LSTM ? LstmModel.PARAMS_PREFIX + "-0000.params" : id + ".ser"; }
}
