package org.leain.demo;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the demo sends and what it must see come back.
 *
 * <p>The scenario has two phases because a retraction only has something to withdraw once the
 * posterior it withdraws exists: {@link #beforeRetraction} is sent first, the demo waits for every
 * {@link #expectedAssociations expected posterior}, then sends {@link #retraction} and waits for the
 * tombstones of {@link #withdrawnAssociations}.
 *
 * @param runTag the suffix that makes this run's ids unique on a shared cluster; empty for a fresh
 *     embedded broker
 * @param beforeRetraction records of the first phase, in sending order
 * @param retraction records of the second phase, in sending order
 * @param expectedAssociations association ids ({@code superevent_id|spectrum_id}) that must get a
 *     posterior
 * @param withdrawnAssociations association ids that must be withdrawn (tombstones) in phase two
 * @param unexpectedAssociations association ids that must never get a posterior (spectra outside
 *     every region)
 * @param deadLetters the bad messages: their origin topic and key, and what is wrong with them
 * @param truths the true parameters of simulated spectra, by spectrum id and parameter name
 * @param placementNote what the demo did to the real UNCOVER spectrum's position, printed as is
 */
public record DemoScenario(
    String runTag,
    List<ScenarioRecord> beforeRetraction,
    List<ScenarioRecord> retraction,
    Set<String> expectedAssociations,
    Set<String> withdrawnAssociations,
    Set<String> unexpectedAssociations,
    List<ExpectedDeadLetter> deadLetters,
    Map<String, Map<String, Double>> truths,
    String placementNote) {

  /** A bad message the stream app must route to the dead-letter topic. */
  public record ExpectedDeadLetter(String originTopic, String originKey, String what) {}

  public DemoScenario {
    beforeRetraction = List.copyOf(beforeRetraction);
    retraction = List.copyOf(retraction);
    expectedAssociations = Set.copyOf(expectedAssociations);
    withdrawnAssociations = Set.copyOf(withdrawnAssociations);
    unexpectedAssociations = Set.copyOf(unexpectedAssociations);
    deadLetters = List.copyOf(deadLetters);
    truths = Map.copyOf(truths);
  }

  /** The association id LEAIN uses as the key of associations and posteriors. */
  public static String associationId(String supereventId, String spectrumId) {
    return supereventId + "|" + spectrumId;
  }
}
