/**
 * A small typed API for research code and notebooks, on top of the dataset, model, evaluate and live layers:
 * {@link msb.research.Workbench} opens a home and hands out datasets, trained runs, predictions, evaluations and
 * live replays as objects (the stages' own records: {@code DatasetManifest}, {@code ArtifactManifest},
 * {@code RunRecord}, {@code EvaluationReport}, {@code StatusDoc}), with Tablesaw tables where a dataframe serves
 * ({@link msb.research.Frames}) and XChart images for display ({@link msb.research.Plots}). Nothing here computes a
 * metric or a verdict: every figure comes from the implementation the commands use. Imported by none.
 */
package msb.research;
