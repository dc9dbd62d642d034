package org.leain.demo;

/**
 * The six LEAIN topics the demo writes to and reads from (the stream app's configuration decides
 * their names; these are its defaults).
 */
public record DemoTopics(String alerts, String candidates, String spectra, String associations, String posteriors,
    String dlq) {

  /** The default names of DESIGN.md section 2. */
  public static DemoTopics defaults() {
    return new DemoTopics("igwn.gwalert", "leain.gw.candidates", "leain.jwst.spectra", "leain.associations",
        "leain.posteriors", "leain.dlq");
  }
}
