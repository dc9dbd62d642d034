/**
 * The data-efficiency study (issue #5, the proposal's central claim): LEAIN and the baseline are
 * trained on the same nested simulation sets of increasing size, and each trained model is scored
 * by its NLTP, the mean of -ln q(theta* | x), on one fixed set of held-out simulations.
 *
 * <p>Design. Training examples are the simulator's index-addressed examples 0..n-1 of one seed
 * (so the 10k set is a prefix of the 30k set, and both models see exactly the same simulations);
 * each run holds out its own last 5% for early stopping and learning-rate decay. The held-out test
 * events are drawn exactly as {@code ./leain validate} draws its test set (same seed, same
 * simulator noise), and the study checks that none of their simulator seeds is a training seed.
 * Every run has a wall-time budget (equal for both models at one size, so the comparison is at
 * equal compute on the same machine); a run that hits it is reported as compute-limited.
 *
 * <p>The study is resumable: each run lives in its own folder ({@code leain-n10000}, ...) with the
 * training checkpoint; a folder with {@code run.json} is finished and skipped, a folder with only a
 * checkpoint is resumed. After every run (and with {@code --evaluate-only}) all finished runs are
 * re-scored and results.json, results.md and nltp-vs-size.png are rewritten, so a partial study
 * always has a consistent report.
 */
package org.leain.training.efficiency;
