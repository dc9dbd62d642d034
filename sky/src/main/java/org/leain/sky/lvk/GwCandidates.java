package org.leain.sky.lvk;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.leain.contracts.AlertType;
import org.leain.contracts.ExternalCoincidence;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.SourceFormat;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapMetadata;

/**
 * Conversions between the sky module's types and the {@code org.leain.contracts} GW records:
 * {@link LvkAlert} to {@code GwCandidate}, and a {@code MultiOrderSkymap} record back into a
 * validated {@link Skymap} (so consumers need no FITS reader). Stateless and thread-safe.
 */
public final class GwCandidates {

  private GwCandidates() {}

  /**
   * The GwCandidate for a notice.
   *
   * @param alert the notice as read
   * @param version the state version the normaliser assigned (>= 1)
   * @param sourceTopic topic (or file) the notice came from
   * @param ingestedMs when the notice entered LEAIN, or null
   * @param originalNotice the notice's bytes to keep, or null to omit them
   */
  public static GwCandidate toGwCandidate(LvkAlert alert, int version, String sourceTopic,
      Long ingestedMs, byte[] originalNotice) {
    if (version < 1) {
      throw new IllegalArgumentException("Expected version >= 1. Actual: " + version);
    }
    LvkEvent e = alert.event();
    LvkExternalCoinc x = alert.externalCoinc();
    GwCandidate.Builder b = GwCandidate.newBuilder()
        .setSupereventId(alert.supereventId())
        .setAlertType(AlertType.valueOf(alert.alertType().name()))
        .setVersion(version)
        .setTimeCreatedMs(alert.timeCreated().toEpochMilli())
        .setUrls(new java.util.LinkedHashMap<>(alert.urls()))
        .setMock(alert.isMockOrTest())
        .setStrain(null)
        .setProvenance(GwProvenance.newBuilder()
            .setSourceTopic(sourceTopic == null ? "unknown" : sourceTopic)
            .setSourceFormat(alert.format() == LvkAlert.Format.GCN_JSON ? SourceFormat.GCN_JSON
                : SourceFormat.SCIMMA_AVRO)
            .setIngestedMs(ingestedMs)
            .setOriginalNotice(originalNotice == null ? null : ByteBuffer.wrap(originalNotice.clone()))
            .build());
    if (e != null) {
      b.setEventTimeIso(e.timeIso())
          .setEventTimeGps(gpsOrNull(e.timeIso()))
          .setFarHz(e.farHz())
          .setSignificant(e.significant())
          .setInstruments(new ArrayList<>(e.instruments()))
          .setGroup(e.group())
          .setPipeline(e.pipeline())
          .setSearch(e.search())
          .setClassification(e.classification().isEmpty() ? null : new java.util.LinkedHashMap<>(e.classification()))
          .setProperties(e.properties().isEmpty() ? null : new java.util.LinkedHashMap<>(e.properties()))
          .setDurationS(e.durationS())
          .setCentralFrequencyHz(e.centralFrequencyHz())
          .setSkymap(e.skymap() == null ? null : toRecord(e.skymap()));
    } else {
      b.setInstruments(new ArrayList<>());
    }
    if (x != null) {
      b.setExternalCoinc(ExternalCoincidence.newBuilder()
          .setGcnNoticeId(x.gcnNoticeId())
          .setIvorn(x.ivorn())
          .setObservatory(x.observatory())
          .setSearch(x.search())
          .setTimeDifferenceS(x.timeDifferenceS())
          .setTimeCoincidenceFarHz(x.timeCoincidenceFarHz())
          .setTimeSkyPositionCoincidenceFarHz(x.timeSkyPositionCoincidenceFarHz())
          .build());
      b.setCombinedSkymap(x.combinedSkymap() == null ? null : toRecord(x.combinedSkymap()));
    }
    return b.build();
  }

  /** The contract record of a skymap (columns copied; metadata from the FITS header). */
  public static MultiOrderSkymap toRecord(Skymap map) {
    int n = map.size();
    List<Long> uniq = new ArrayList<>(n);
    List<Double> density = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      uniq.add(map.uniq(i));
      density.add(map.probDensityPerSr(i));
    }
    SkymapMetadata meta = map.metadata();
    return MultiOrderSkymap.newBuilder()
        .setUniq(uniq)
        .setProbdensityPerSr(density)
        .setDistmuMpc(map.hasDistance() ? boxed(map.distMuColumn()) : null)
        .setDistsigmaMpc(map.hasDistance() ? boxed(map.distSigmaColumn()) : null)
        .setDistnormPerMpc2(map.hasDistance() ? boxed(map.distNormColumn()) : null)
        .setDistmeanMpc(Double.isNaN(meta.distMeanMpc()) ? null : meta.distMeanMpc())
        .setDiststdMpc(Double.isNaN(meta.distStdMpc()) ? null : meta.distStdMpc())
        .setObject(meta.objectId())
        .setDateObs(meta.dateObs())
        .setMaxOrder(map.index().maxOrder())
        .build();
  }

  /**
   * Builds and validates a {@link Skymap} from a GwCandidate's skymap arrays.
   *
   * @throws org.leain.sky.skymap.InvalidSkymapException when the arrays are no valid map
   */
  public static Skymap toSkymap(MultiOrderSkymap record) {
    return Skymap.of(
        unboxedLongs(record.getUniq()),
        unboxed(record.getProbdensityPerSr()),
        unboxed(record.getDistmuMpc()),
        unboxed(record.getDistsigmaMpc()),
        unboxed(record.getDistnormPerMpc2()),
        new SkymapMetadata(record.getObject(), record.getDateObs(),
            record.getDistmeanMpc() == null ? Double.NaN : record.getDistmeanMpc(),
            record.getDiststdMpc() == null ? Double.NaN : record.getDiststdMpc()));
  }

  private static Double gpsOrNull(String iso) {
    try {
      return GpsTime.ofUtc(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }

  private static double[] unboxed(List<Double> values) {
    if (values == null) {
      return null;
    }
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      Double v = values.get(i);
      out[i] = v == null ? Double.NaN : v;
    }
    return out;
  }

  private static long[] unboxedLongs(List<Long> values) {
    if (values == null) {
      return null;
    }
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
