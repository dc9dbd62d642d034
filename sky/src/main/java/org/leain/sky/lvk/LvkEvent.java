package org.leain.sky.lvk;

import java.util.List;
import java.util.Map;
import org.leain.sky.skymap.Skymap;

/**
 * The event part of a notice.
 *
 * @param timeIso merger time as given (ISO 8601 UTC)
 * @param farHz false alarm rate
 * @param significant LVK's significance flag
 * @param instruments detectors
 * @param group CBC or Burst
 * @param pipeline e.g. gstlal
 * @param search e.g. AllSky, MDC
 * @param classification source classification probabilities (empty when absent)
 * @param properties source property probabilities (empty when absent)
 * @param durationS burst duration, or null
 * @param centralFrequencyHz burst central frequency, or null
 * @param skymap the decoded, validated skymap, or null when the notice has none
 */
public record LvkEvent(
    String timeIso,
    double farHz,
    boolean significant,
    List<String> instruments,
    String group,
    String pipeline,
    String search,
    Map<String, Double> classification,
    Map<String, Double> properties,
    Double durationS,
    Double centralFrequencyHz,
    Skymap skymap) {}
