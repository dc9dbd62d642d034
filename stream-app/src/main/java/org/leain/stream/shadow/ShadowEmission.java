package org.leain.stream.shadow;

import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;

/** What the injection punctuator emits, each to its own topic. */
sealed interface ShadowEmission {

  /** The truth of an injection, to the compacted truth topic (key: association id). */
  record Truth(ShadowTruth truth) implements ShadowEmission {}

  /** The injection's GW candidate, to the candidates topic (key: superevent id). */
  record Candidate(GwCandidate candidate) implements ShadowEmission {}

  /** The injection's spectrum, to the spectra topic (key: spectrum id). */
  record SpectrumRecord(Spectrum spectrum) implements ShadowEmission {}
}
