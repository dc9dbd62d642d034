package org.leain.training.efficiency;

/**
 * One (model, training-set size) cell of the study with its wall-time budget.
 *
 * @param model "leain" or "baseline"
 * @param simulations simulations used for training, its own validation split included
 * @param budgetMinutes wall-time budget of the run
 */
public record StudyRun(String model, int simulations, double budgetMinutes) {

  public StudyRun {
    if (!model.equals("leain") && !model.equals("baseline")) {
      throw new IllegalArgumentException("Expected model leain or baseline. Actual: " + model);
    }
    if (simulations < 20) {
      throw new IllegalArgumentException("Expected at least 20 simulations. Actual: " + simulations);
    }
    if (!(budgetMinutes > 0)) {
      throw new IllegalArgumentException("Expected a positive budget in minutes. Actual: " + budgetMinutes);
    }
  }

  /** The run's folder name inside the study folder, e.g. {@code leain-n10000}. */
  public String directoryName() {
    return model + "-n" + simulations;
  }
}
