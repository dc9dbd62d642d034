package org.leain.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leain.posterior.network.NetworkConfig;

/**
 * Out-of-family warnings from LEAIN's frames. The SED frame eta_hat = ln(1 + z_hat) and the strain
 * frame ln M_det_hat are estimated before the network looks at anything else; a frame outside the
 * prior's range means the input does not resemble the training simulations at all (the real
 * UNCOVER 45924 Little Red Dot puts eta_hat at z ~ 14 against a prior up to z = 12, see
 * posterior/RESULTS.md). The head's offset is then clipped at the prior edge and the posterior piles
 * there, which looks like a confident answer: the warning says it is not one.
 */
public final class FrameCheck {

  private FrameCheck() {}

  /**
   * Warnings for one event's frames; empty when both lie inside the prior or the network has no
   * frames (the baseline reports zeros).
   *
   * @param config the network configuration (prior ranges of the frames)
   * @param etaHat the SED frame ln(1 + z_hat)
   * @param lnMassHat the strain frame ln(M_det_hat / Msun), ignored when {@code strainPresent} is false
   * @param strainPresent whether the event had strain
   */
  public static List<String> warnings(NetworkConfig config, double etaHat, double lnMassHat, boolean strainPresent) {
    List<String> out = new ArrayList<>(2);
    if (!config.kind().equals("leain")) {
      return out;
    }
    if (!(etaHat >= config.etaMin() && etaHat <= config.etaMax())) {
      out.add(String.format(Locale.ROOT, "Expected the spectrum's redshift frame inside the prior, z in [%.2f, %.2f]. "
          + "Actual: z_hat = %.2f (ln(1+z) = %.3f): the spectrum is unlike the training simulations, the frame "
          + "that anchors the redshift is clipped at the prior edge; do not trust this posterior.",
          Math.expm1(config.etaMin()), Math.expm1(config.etaMax()), Math.expm1(etaHat), etaHat));
    }
    if (strainPresent && !(lnMassHat >= config.lnMassMin() && lnMassHat <= config.lnMassMax())) {
      out.add(String.format(Locale.ROOT, "Expected the strain's detector-frame mass frame inside the prior, "
          + "ln(M_det/Msun) in [%.2f, %.2f]. Actual: %.3f: the strain is unlike the training simulations; "
          + "do not trust this posterior.", config.lnMassMin(), config.lnMassMax(), lnMassHat));
    }
    return List.copyOf(out);
  }
}
