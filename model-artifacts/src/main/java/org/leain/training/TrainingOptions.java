package org.leain.training;

/**
 * Options of a training run.
 *
 * @param kind "leain" or "baseline"
 * @param simulations number of examples simulated (train + validation)
 * @param validationFraction fraction held out for validation
 * @param epochs largest number of epochs
 * @param batchSize examples per step
 * @param learningRate initial Adam learning rate (halved when validation stalls for 2 epochs)
 * @param strainDropout probability that an example's strain is masked
 * @param patience epochs without validation improvement before stopping
 * @param maxMinutes wall-time budget (the run stops after the epoch that crosses it)
 * @param seed seed of the data, the noise and the initial weights
 * @param resume continue from the checkpoint in the output directory
 * @param maxStepsPerEpoch cap on steps per epoch (0: a full pass), for short runs
 */
public record TrainingOptions(
    String kind,
    int simulations,
    double validationFraction,
    int epochs,
    int batchSize,
    double learningRate,
    double strainDropout,
    int patience,
    double maxMinutes,
    long seed,
    boolean resume,
    int maxStepsPerEpoch) {

  public TrainingOptions {
    if (!kind.equals("leain") && !kind.equals("baseline")) {
      throw new IllegalArgumentException("Expected model leain or baseline. Actual: " + kind);
    }
    if (simulations < 20) {
      throw new IllegalArgumentException("Expected at least 20 simulations. Actual: " + simulations);
    }
    if (!(validationFraction > 0 && validationFraction < 0.5)) {
      throw new IllegalArgumentException("Expected a validation fraction in (0, 0.5). Actual: "
          + validationFraction);
    }
    if (!(strainDropout >= 0 && strainDropout <= 1)) {
      throw new IllegalArgumentException("Expected strain dropout in [0, 1]. Actual: " + strainDropout);
    }
  }

  public int validationExamples() {
    return Math.max(10, (int) Math.round(simulations * validationFraction));
  }

  public int trainExamples() {
    return simulations - validationExamples();
  }
}
