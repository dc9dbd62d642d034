package org.leain.stream.lvk;

import org.leain.contracts.GwCandidate;
import org.leain.sky.lvk.GwCandidates;
import org.leain.sky.lvk.LvkAlertReader;

/**
 * The production decoder: the sky module's LVK reader (GCN JSON with a base64 FITS map, or SCiMMA
 * Avro with raw FITS bytes; sniffed) and its conversion to a GwCandidate, with a placeholder version
 * of 1 that the normaliser replaces. The original notice bytes are not kept (they would double a
 * ~1 MB record); the provenance names the topic and the wire format.
 */
public final class SkyAlertDecoder implements AlertDecoder {

  @Override
  public GwCandidate decode(byte[] payload, String sourceTopic) {
    return GwCandidates.toGwCandidate(LvkAlertReader.read(payload), 1, sourceTopic, null, null);
  }
}
