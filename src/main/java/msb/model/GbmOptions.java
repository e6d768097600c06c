package msb.model;

/** Gradient tree boosting (Smile): trees per class, tree shape, shrinkage and row subsampling. */
public record GbmOptions(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage, double subsample) {
    public GbmOptions {
        if (trees < 1) throw new IllegalArgumentException("gbm.trees must be >= 1, got " + trees);
        if (maxDepth < 2 || maxDepth > ModelFileFilter.MAX_TREE_DEPTH) {
            throw new IllegalArgumentException("gbm.max_depth must be in [2, " + ModelFileFilter.MAX_TREE_DEPTH
                    + "] (deeper model files are refused on load), got " + maxDepth);
        }
        if (maxNodes < 2) throw new IllegalArgumentException("gbm.max_nodes must be >= 2, got " + maxNodes);
        if (nodeSize < 1) throw new IllegalArgumentException("gbm.node_size must be >= 1, got " + nodeSize);
        if (!(shrinkage > 0 && shrinkage <= 1)) throw new IllegalArgumentException("gbm.shrinkage must be in (0,1], got " + shrinkage);
        if (!(subsample > 0 && subsample <= 1)) throw new IllegalArgumentException("gbm.subsample must be in (0,1], got " + subsample);
    }
}
