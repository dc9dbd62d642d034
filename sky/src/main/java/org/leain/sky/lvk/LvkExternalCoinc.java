package org.leain.sky.lvk;

import org.leain.sky.skymap.Skymap;

/**
 * The external-coincidence part of a notice (e.g. a Fermi GRB).
 *
 * @param gcnNoticeId GCN notice id of the external event
 * @param ivorn VO identifier of the external VOEvent
 * @param observatory e.g. Fermi
 * @param search e.g. GRB
 * @param timeDifferenceS external minus GW event time, seconds
 * @param timeCoincidenceFarHz joint temporal FAR, or null
 * @param timeSkyPositionCoincidenceFarHz joint temporal + sky FAR, or null
 * @param combinedSkymap the decoded combined GW + external skymap, or null
 */
public record LvkExternalCoinc(
    int gcnNoticeId,
    String ivorn,
    String observatory,
    String search,
    double timeDifferenceS,
    Double timeCoincidenceFarHz,
    Double timeSkyPositionCoincidenceFarHz,
    Skymap combinedSkymap) {}
