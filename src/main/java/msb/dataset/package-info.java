/**
 * Per-timeframe datasets (SPEC sections 2-4). {@link msb.dataset.DatasetBuilder} resamples the finest
 * stored bars (or {@code --source NAME}, or the embedded default data when nothing is imported), computes
 * the features, cuts labels ({@link msb.dataset.LabelSpec}: horizon h, fixed bps or adaptive k x sigma of
 * the returns up to t) and assigns chronological splits ({@link msb.dataset.SplitSpec}: the last h rows
 * of train and of validation purged, the first {@code embargoBars} of validation and test embargoed).
 * The last h bars have no label and are not rows.
 *
 * <p>On disk, under {@code datasets/<SYMBOL>/<tf>/}: {@code dataset.bin} (rows, {@link msb.dataset.DatasetFile}),
 * {@code bars.bin} (the timeframe's whole bar series, warm-up included, for replay) and {@code manifest.json}
 * ({@link msb.dataset.DatasetManifest}), written last and holding the sha256 of the others. No wall-clock
 * time is recorded: the same input gives the same bytes. {@link msb.dataset.DatasetStore} reads them back
 * and refuses a file whose sha256, timeframe, symbol or feature definition does not match.
 */
package msb.dataset;
