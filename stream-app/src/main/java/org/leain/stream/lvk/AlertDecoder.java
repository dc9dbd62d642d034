package org.leain.stream.lvk;

import org.leain.contracts.GwCandidate;

/**
 * Decodes one raw {@code igwn.gwalert} notice (format sniffed) into an unversioned candidate.
 * Thread-safe. Throws a runtime exception naming what is wrong for anything unreadable; the
 * normaliser lets it reach the dead-letter handler.
 */
@FunctionalInterface
public interface AlertDecoder {

  /** The candidate for {@code payload} read from {@code sourceTopic}; its version is assigned later. */
  GwCandidate decode(byte[] payload, String sourceTopic);
}
