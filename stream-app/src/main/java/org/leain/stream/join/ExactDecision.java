package org.leain.stream.join;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import org.leain.contracts.Association;
import org.leain.contracts.AssociationTimings;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SkymapChoice;
import org.leain.contracts.Spectrum;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.crossmatch.CrossmatchResult;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.stream.config.LeainConfig.JoinSettings;

/**
 * The exact decision for one (candidate state, spectrum) pair at the map's full resolution, with the
 * crossmatch figures (ligo.skymap's definitions, computed by {@code org.leain.sky.crossmatch}).
 *
 * <p>Accepted when: searched probability &lt;= the threshold; and, if a time window is configured,
 * the spectrum was observed between the GW event and the event plus the window; and, if a distance
 * gate is configured, the distance density at the spectrum's luminosity distance reaches it. The
 * distance figures are always reported when the spectrum has a redshift and the map has distances.
 */
final class ExactDecision {
  /** GPS epoch (1980-01-06) in Unix milliseconds, and the GPS-UTC offset since 2017 (18 s). */
  private static final long GPS_EPOCH_UNIX_MS = 315_964_800_000L;
  private static final long GPS_MINUS_UTC_MS = 18_000L;

  private final JoinSettings settings;

  ExactDecision(JoinSettings settings) {
    this.settings = settings;
  }

  Association decide(GwCandidate candidate, SkymapIndex index, SkymapChoice used, Spectrum spectrum,
      AssociationTimings timings) {
    double redshift = spectrum.getRedshiftSpec() == null ? Double.NaN : spectrum.getRedshiftSpec();
    CrossmatchResult x = Crossmatch.at(index, spectrum.getRaDeg(), spectrum.getDecDeg(), redshift);
    String reason;
    boolean accepted;
    Optional<String> outsideWindow = timeWindowViolation(candidate, spectrum);
    if (!(x.searchedProb() <= settings.searchedProbMax())) {
      accepted = false;
      reason = String.format(Locale.ROOT, "searched_prob %.6f > %.6f", x.searchedProb(), settings.searchedProbMax());
    } else if (outsideWindow.isPresent()) {
      accepted = false;
      reason = outsideWindow.get();
    } else if (settings.distanceGateMinDensityPerMpc().isPresent()
        && !(x.distanceDensityPerMpc() >= settings.distanceGateMinDensityPerMpc().get())) {
      accepted = false;
      reason = String.format(Locale.ROOT, "distance density at D_L(z) %s per Mpc below the gate %s",
          Double.isNaN(x.distanceDensityPerMpc()) ? "unknown" : Double.toString(x.distanceDensityPerMpc()),
          settings.distanceGateMinDensityPerMpc().get());
    } else {
      accepted = true;
      reason = String.format(Locale.ROOT, "searched_prob %.6f <= %.6f", x.searchedProb(), settings.searchedProbMax());
    }
    return Association.newBuilder()
        .setAssociationId(AssociationKey.of(candidate.getSupereventId(), spectrum.getSpectrumId()))
        .setSupereventId(candidate.getSupereventId())
        .setSpectrumId(spectrum.getSpectrumId())
        .setAlertVersion(candidate.getVersion())
        .setAlertType(candidate.getAlertType())
        .setAccepted(accepted)
        .setReason(reason)
        .setSearchedProb(finite(x.searchedProb()))
        .setSearchedAreaDeg2(finite(x.searchedAreaDeg2()))
        .setProbdensityPerSr(finite(x.probDensityPerSr()))
        .setOffsetDeg(finite(x.offsetDeg()))
        .setArea50Deg2(finite(x.area50Deg2()))
        .setArea90Deg2(finite(x.area90Deg2()))
        .setArea90GcnDeg2(finite(x.area90GcnDeg2()))
        .setDistmuMpc(finite(x.distMuMpc()))
        .setDistsigmaMpc(finite(x.distSigmaMpc()))
        .setDistnormPerMpc2(finite(x.distNormPerMpc2()))
        .setDistmeanMpc(finite(x.distMeanMpc()))
        .setDiststdMpc(finite(x.distStdMpc()))
        .setSkyOverlap(finite(x.skyOverlap()))
        .setDlMpc(finite(x.dlMpc()))
        .setDistanceDensityPerMpc(finite(x.distanceDensityPerMpc()))
        .setProbdensityVolPerMpc3(finite(x.probDensityVolPerMpc3()))
        .setJoinOrder(settings.order())
        .setSkymapUsed(used)
        .setTimings(timings)
        .build();
  }

  private Optional<String> timeWindowViolation(GwCandidate candidate, Spectrum spectrum) {
    if (settings.timeWindow().isEmpty()) {
      return Optional.empty();
    }
    Duration window = settings.timeWindow().get();
    Optional<Long> eventMs = eventTimeMs(candidate);
    if (eventMs.isEmpty() || spectrum.getObservationTimeMs() == null) {
      return Optional.of("time window " + window + " configured but the " + (eventMs.isEmpty() ? "GW event" : "spectrum")
          + " has no time");
    }
    long delayMs = spectrum.getObservationTimeMs() - eventMs.get();
    if (delayMs < 0 || delayMs > window.toMillis()) {
      return Optional.of(String.format(Locale.ROOT, "observed %.3f h after the GW event, outside [0, %s]",
          delayMs / 3_600_000.0, window));
    }
    return Optional.empty();
  }

  /** The GW event time in Unix milliseconds: the ISO time as the notice gave it, else the GPS time. */
  static Optional<Long> eventTimeMs(GwCandidate candidate) {
    if (candidate.getEventTimeIso() != null) {
      try {
        return Optional.of(Instant.parse(candidate.getEventTimeIso()).toEpochMilli());
      } catch (DateTimeParseException e) {
        // fall through to the GPS time
      }
    }
    if (candidate.getEventTimeGps() != null) {
      return Optional.of(GPS_EPOCH_UNIX_MS + Math.round(candidate.getEventTimeGps() * 1000) - GPS_MINUS_UTC_MS);
    }
    return Optional.empty();
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
