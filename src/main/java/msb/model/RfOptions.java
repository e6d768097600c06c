package msb.model;

/** Random forest (Smile): {@code mtry = 0} means floor(sqrt(features)). */
public record RfOptions(int trees, int mtry, int maxDepth, int maxNodes, int nodeSize, double subsample) {
    public RfOptions {
        if (trees < 1) throw new IllegalArgumentException("rf.trees must be >= 1, got " + trees);
        if (mtry < 0) throw new IllegalArgumentException("rf.mtry must be >= 0 (0 = sqrt of the feature count), got " + mtry);
        if (maxDepth < 2 || maxDepth > ModelFileFilter.MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("rf.max_depth must be in [2, " + ModelFileFilter.MAX_TREE_DEPTH
                    + "] (deeper model files are refused on load), got " + maxDepth);
        }
        if (maxNodes < 2) throw new IllegalArgumentException("rf.max_nodes must be >= 2, got " + maxNodes);
        if (nodeSize < 1) throw new IllegalArgumentException("rf.node_size must be >= 1, got " + nodeSize);
        if (!(subsample > 0 && subsample <= 1)) throw new IllegalArgumentException("rf.subsample must be in (0,1], got " + subsample);
    }
}
