package org.leain.training.efficiency;

/**
 * What a finished training run reports (written as {@code run.json} in its folder, the marker
 * that the run is finished).
 *
 * @param model "leain" or "baseline"
 * @param simulations simulations used (train + validation)
 * @param trainExamples examples trained on
 * @param validationExamples examples of the run's own validation split
 * @param budgetMinutes wall-time budget
 * @param epochs epochs run (the last one may be partial when the budget ran out)
 * @param wallSeconds training wall time, summed over resumed sessions
 * @param stoppedBecause early stop, wall-time budget, epoch limit, ...
 * @param bestValidationNll best theta-space NLL on the run's own validation split, nats
 * @param weightsSha256 sha256 of the best weights
 */
public record RunOutcome(
    String model,
    int simulations,
    int trainExamples,
    int validationExamples,
    double budgetMinutes,
    int epochs,
    double wallSeconds,
    String stoppedBecause,
    double bestValidationNll,
    String weightsSha256) {

  public static final String FILE = "run.json";

  /** True when the run stopped on its budget rather than on early stopping. */
  public boolean computeLimited() {
    return stoppedBecause.startsWith("wall-time");
  }
}
