package org.leain.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumRecords;
import org.leain.sky.lvk.GwCandidates;
import org.leain.sky.lvk.LvkAlertReader;

/**
 * The valid records every hostile case is a mutation of: a GCN-style JSON notice with a small
 * multi-order map, the GwCandidate it normalises to, and a 64-bin PRISM-like Spectrum. Each call
 * returns a fresh copy the caller may mutate.
 */
final class Templates {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SUPEREVENT_ID = "MS991231hz";
  static final String SPECTRUM_ID = "hostile-spectrum-1";
  static final int BINS = 64;

  private Templates() {}

  /** A PRELIMINARY notice as GCN serves it (field order and names of igwn.alerts.v1_0). */
  static ObjectNode alert() {
    ObjectNode root = JSON.createObjectNode();
    root.put("alert_type", "PRELIMINARY");
    root.put("time_created", "2099-12-31T23:10:00Z");
    root.put("superevent_id", SUPEREVENT_ID);
    root.putObject("urls").put("gracedb", "https://example.org/superevents/" + SUPEREVENT_ID + "/view/");
    ObjectNode event = root.putObject("event");
    event.put("time", "2099-12-31T23:00:00.000Z");
    event.put("far", 9.11e-14);
    event.put("significant", true);
    ArrayNode instruments = event.putArray("instruments");
    instruments.add("H1").add("L1").add("V1");
    event.put("group", "CBC");
    event.put("pipeline", "gstlal");
    event.put("search", "MDC");
    ObjectNode properties = event.putObject("properties");
    properties.put("HasNS", 0.95).put("HasRemnant", 0.91).put("HasMassGap", 0.01);
    ObjectNode classification = event.putObject("classification");
    classification.put("BNS", 0.95).put("NSBH", 0.01).put("BBH", 0.03).put("Terrestrial", 0.01);
    event.put("duration", (Double) null);
    event.put("central_frequency", (Double) null);
    event.put("skymap", Base64.getEncoder().encodeToString(SkymapFits.template()));
    root.putNull("external_coinc");
    return root;
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The template notice as the normaliser would publish it (version 1). */
  static GwCandidate candidate() {
    return GwCandidates.toGwCandidate(LvkAlertReader.read(bytes(alert())), 1, "igwn.gwalert", null, null);
  }

  /** A 64-bin spectrum on a uniform ln-wavelength grid over 0.6-5.3 um at (150.1, 2.2). */
  static Spectrum spectrum() {
    double[] wave = new double[BINS];
    double[] flux = new double[BINS];
    double[] err = new double[BINS];
    boolean[] usable = new boolean[BINS];
    for (int i = 0; i < BINS; i++) {
      wave[i] = 0.6 * Math.exp(Math.log(5.3 / 0.6) * i / (BINS - 1));
      flux[i] = 0.5 + 0.01 * i;
      err[i] = 0.05;
      usable[i] = true;
    }
    JwstSpectrum file = new JwstSpectrum("hostile-target", 150.1, 2.2, "2099-12-30T01:02:03.000",
        "NIRSPEC", "PRISM", "CLEAR", wave, flux, err, usable, 0, 4.5, "hostile.csv", null);
    return SpectrumRecords.toSpectrum(file, SPECTRUM_ID, 4.5, null);
  }
}
