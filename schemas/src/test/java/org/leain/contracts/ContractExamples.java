package org.leain.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One realistic example of each contract record, used for round trips and for writing the golden
 * payloads of new schema versions. Values follow the repository's real data: LVK's mock superevent
 * MS181101ab (data/lvk/MS181101ab-ext-update.json) and the JWST spectrum of UNCOVER 45924
 * (data/jwst/...spec1d.csv).
 */
public final class ContractExamples {

    /** MS181101ab's event time 2018-11-01T22:22:46.654Z in GPS seconds (Unix - 315964800 + 18 leap seconds). */
    public static final double EVENT_TIME_GPS = 1225146184.654;
    /** Area of one order-1 HEALPix pixel, sr: (pi/3)/4. */
    public static final double ORDER1_PIXEL_AREA_SR = Math.PI / 12;

    private ContractExamples() {
    }

    /** Every example, keyed by record simple name. */
    public static Map<String, org.apache.avro.specific.SpecificRecord> all() {
        Map<String, org.apache.avro.specific.SpecificRecord> all = new LinkedHashMap<>();
        all.put("GwCandidate", gwCandidate());
        all.put("Spectrum", spectrum());
        all.put("Association", association());
        all.put("DcbhPosterior", dcbhPosterior());
        all.put("DeadLetter", deadLetter());
        return all;
    }

    /** An UPDATE of MS181101ab with an external coincidence, a 48-pixel order-1 map, a 12-pixel combined map and a strain segment. */
    public static GwCandidate gwCandidate() {
        return GwCandidate.newBuilder()
                .setSupereventId("MS181101ab")
                .setAlertType(AlertType.UPDATE)
                .setVersion(4)
                .setTimeCreatedMs(Instant.parse("2018-11-01T22:36:25Z").toEpochMilli())
                .setEventTimeGps(EVENT_TIME_GPS)
                .setEventTimeIso("2018-11-01T22:22:46.654Z")
                .setFarHz(9.11069936486e-14)
                .setSignificant(true)
                .setInstruments(List.of("H1", "L1", "V1"))
                .setGroup("CBC")
                .setPipeline("gstlal")
                .setSearch("MDC")
                .setClassification(orderedMap("BNS", 0.95, "NSBH", 0.01, "BBH", 0.03, "Terrestrial", 0.01))
                .setProperties(orderedMap("HasNS", 0.95, "HasRemnant", 0.91, "HasMassGap", 0.01))
                .setDurationS(null)
                .setCentralFrequencyHz(null)
                .setSkymap(order1Skymap())
                .setCombinedSkymap(order0CombinedSkymap())
                .setExternalCoinc(ExternalCoincidence.newBuilder()
                        .setGcnNoticeId(524666471)
                        .setIvorn("ivo://nasa.gsfc.gcn/Fermi#GBM_Fin_Pos2017-08-17T12:41:06.47_524666471_0-389")
                        .setObservatory("Fermi")
                        .setSearch("GRB")
                        .setTimeDifferenceS(2.02)
                        .setTimeCoincidenceFarHz(2.14387838137e-14)
                        .setTimeSkyPositionCoincidenceFarHz(6.410749524018777e-16)
                        .build())
                .setStrain(StrainSegment.newBuilder()
                        .setDetector("H1")
                        .setGridKind(StrainGridKind.LOG_TIME_TO_MERGER)
                        .setMergerTimeGps(EVENT_TIME_GPS)
                        .setGridStart(Math.log(8.0))
                        .setGridStep(-0.5)
                        .setSamples(List.of(0.12f, -0.43f, 0.87f, -1.21f, 1.64f, -2.05f, 2.48f, -0.31f))
                        .setWhitened(true)
                        .setPsdDescription("aLIGO O4 design PSD, 20 Hz low-frequency cutoff")
                        .setMask(List.of(true, true, true, true, true, true, true, false))
                        .build())
                .setUrls(Map.of("gracedb", "https://example.org/superevents/MS181101ab/view/"))
                .setProvenance(GwProvenance.newBuilder()
                        .setSourceTopic("igwn.gwalert")
                        .setSourceFormat(SourceFormat.GCN_JSON)
                        .setIngestedMs(Instant.parse("2018-11-01T22:36:26.120Z").toEpochMilli())
                        .setOriginalNotice(ByteBuffer.wrap(
                                "{\"alert_type\": \"UPDATE\", \"superevent_id\": \"MS181101ab\"}".getBytes(StandardCharsets.UTF_8)))
                        .build())
                .setMock(true)
                .build();
    }

    /**
     * All 48 order-1 pixels (uniq 16..63): a Gaussian bump in NESTED index around pixel 20, normalised so
     * that sum(density * area) = 1; pixel 47 has no distance information (DISTMU = +inf, DISTNORM = 0),
     * as BAYESTAR writes it.
     */
    public static MultiOrderSkymap order1Skymap() {
        int n = 48;
        double[] weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = Math.exp(-(i - 20) * (i - 20) / 8.0) + 1e-3;
            total += weight[i];
        }
        List<Long> uniq = new ArrayList<>();
        List<Double> density = new ArrayList<>();
        List<Double> distmu = new ArrayList<>();
        List<Double> distsigma = new ArrayList<>();
        List<Double> distnorm = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            uniq.add(16L + i);
            density.add(weight[i] / (total * ORDER1_PIXEL_AREA_SR));
            boolean noDistance = i == n - 1;
            distmu.add(noDistance ? Double.POSITIVE_INFINITY : 38.0 + 0.25 * i);
            distsigma.add(noDistance ? 1.0 : 8.0 + 0.05 * i);
            distnorm.add(noDistance ? 0.0 : 5.9e-4 - 2.0e-6 * i);
        }
        return MultiOrderSkymap.newBuilder()
                .setUniq(uniq)
                .setProbdensityPerSr(density)
                .setDistmuMpc(distmu)
                .setDistsigmaMpc(distsigma)
                .setDistnormPerMpc2(distnorm)
                .setDistmeanMpc(39.76)
                .setDiststdMpc(8.31)
                .setObject("MS181101ab")
                .setDateObs("2018-11-01T22:22:46.654437")
                .setMaxOrder(1)
                .build();
    }

    /** The 12 order-0 pixels (uniq 4..15), two thirds of the probability in pixel 5, no distance columns. */
    public static MultiOrderSkymap order0CombinedSkymap() {
        double areaSr = Math.PI / 3;
        List<Long> uniq = new ArrayList<>();
        List<Double> density = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            uniq.add(4L + i);
            density.add((i == 5 ? 2.0 / 3.0 : 1.0 / 33.0) / areaSr);
        }
        return MultiOrderSkymap.newBuilder()
                .setUniq(uniq)
                .setProbdensityPerSr(density)
                .setDistmuMpc(null)
                .setDistsigmaMpc(null)
                .setDistnormPerMpc2(null)
                .setDistmeanMpc(null)
                .setDiststdMpc(null)
                .setObject(null)
                .setDateObs(null)
                .setMaxOrder(0)
                .build();
    }

    /** Twelve bins of UNCOVER 45924's NIRSpec PRISM spectrum (two leading NaN bins masked). */
    public static Spectrum spectrum() {
        List<Double> wavelength = List.of(0.540000, 0.542992, 2.393414, 2.409083, 2.424670, 2.440175,
                2.455600, 2.470944, 4.156863, 4.166106, 4.175326, 4.184526);
        List<Double> flux = List.of(Double.NaN, Double.NaN, 2.383987, 1.627462, 1.611055, 1.574467,
                1.540010, 1.385638, 3.799059, 3.826814, 3.791709, 3.893293);
        List<Double> error = List.of(Double.NaN, Double.NaN, 7.903748e-03, 7.203657e-03, 7.464557e-03,
                7.152646e-03, 7.213844e-03, 6.756183e-03, 1.859704e-02, 1.846143e-02, 1.923806e-02, 2.048055e-02);
        List<Boolean> mask = new ArrayList<>();
        for (int i = 0; i < wavelength.size(); i++) {
            mask.add(i >= 2);
        }
        return Spectrum.newBuilder()
                .setSpectrumId("uncover-v4_prism-clear_2561_45924")
                .setTargetName("UNCOVER 45924")
                .setRaDeg(3.5847600654669716)
                .setDecDeg(-30.34362752753509)
                .setObservationTimeMs(Instant.parse("2022-11-07T03:15:00Z").toEpochMilli())
                .setInstrument("NIRSpec")
                .setGrating("PRISM")
                .setFilter("CLEAR")
                .setWavelengthUm(wavelength)
                .setFluxUjy(flux)
                .setFluxErrUjy(error)
                .setMask(mask)
                .setNMasked(2)
                .setRedshiftSpec(4.463361263885918)
                .setProvenance(SpectrumProvenance.newBuilder()
                        .setArchive("DJA")
                        .setFileName("uncover-v4_prism-clear_2561_45924.spec.fits")
                        .setReduction("msaexp v4")
                        .setIngestedMs(Instant.parse("2026-11-23T21:00:00Z").toEpochMilli())
                        .build())
                .build();
    }

    /** An accepted association of the spectrum with MS181101ab; no distance density (the map's distance is 40 Mpc, the spectrum's z = 4.46). */
    public static Association association() {
        return Association.newBuilder()
                .setAssociationId("MS181101ab|uncover-v4_prism-clear_2561_45924")
                .setSupereventId("MS181101ab")
                .setSpectrumId("uncover-v4_prism-clear_2561_45924")
                .setAlertVersion(4)
                .setAlertType(AlertType.UPDATE)
                .setAccepted(true)
                .setReason("searched_prob 0.7124 <= 0.9")
                .setSearchedProb(0.7124)
                .setSearchedAreaDeg2(612.3)
                .setProbdensityPerSr(0.0151)
                .setOffsetDeg(23.5)
                .setArea50Deg2(402.1)
                .setArea90Deg2(1010.7)
                .setArea90GcnDeg2(859.4)
                .setDistmuMpc(41.5)
                .setDistsigmaMpc(8.7)
                .setDistnormPerMpc2(5.6e-4)
                .setDistmeanMpc(42.9)
                .setDiststdMpc(8.4)
                .setSkyOverlap(4 * Math.PI * 0.0151)
                .setDlMpc(41010.6)
                .setDistanceDensityPerMpc(0.0)
                .setProbdensityVolPerMpc3(0.0)
                .setJoinOrder(6)
                .setSkymapUsed(SkymapChoice.EVENT)
                .setTimings(AssociationTimings.newBuilder()
                        .setIngestGwMs(1795467600120L)
                        .setIngestSpectrumMs(1795467601500L)
                        .setJoinedMs(1795467601538L)
                        .build())
                .build();
    }

    /** A posterior over three parameters with two mixture components and four samples. */
    public static DcbhPosterior dcbhPosterior() {
        List<ParameterInfo> parameters = List.of(
                parameter("log10_m_bh", "log10(Msun)", 4.0, 7.0),
                parameter("log10_j21", "log10(J21)", 0.0, 4.0),
                parameter("z", "1", 3.0, 12.0));
        List<MixtureComponent> mixture = List.of(
                MixtureComponent.newBuilder().setWeight(0.7).setMean(List.of(0.4, -0.2, 0.1))
                        .setCholeskyLower(List.of(0.5, 0.1, 0.6, -0.05, 0.02, 0.8)).build(),
                MixtureComponent.newBuilder().setWeight(0.3).setMean(List.of(-0.6, 0.3, -0.4))
                        .setCholeskyLower(List.of(0.7, 0.0, 0.5, 0.1, -0.1, 0.9)).build());
        List<ParameterSummary> summaries = List.of(
                summary("log10_m_bh", "log10(Msun)", 5.62, 0.41, 5.65, 4.91, 5.20, 6.03, 6.24),
                summary("log10_j21", "log10(J21)", 1.93, 0.55, 1.95, 1.01, 1.38, 2.47, 2.80),
                summary("z", "1", 7.1, 1.9, 7.0, 4.2, 5.2, 9.0, 10.3));
        return DcbhPosterior.newBuilder()
                .setAssociationId("MS181101ab|uncover-v4_prism-clear_2561_45924")
                .setSupereventId("MS181101ab")
                .setSpectrumId("uncover-v4_prism-clear_2561_45924")
                .setAlertVersion(4)
                .setModel(ModelInfo.newBuilder().setName("leain-v1").setVersion("1.0.0")
                        .setArtifactSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").build())
                .setParameters(parameters)
                .setMixture(mixture)
                .setSummaries(summaries)
                .setNSamples(4)
                .setNParams(3)
                .setSamples(List.of(5.71f, 2.03f, 17.4f, 5.12f, 1.44f, 15.9f, 6.08f, 2.51f, 19.8f, 5.55f, 1.87f, 16.6f))
                .setModalities(List.of(Modality.SED, Modality.STRAIN))
                .setShadowInjection(true)
                .setTrueValues(List.of(5.6, 2.0, 17.0))
                .setTimings(PosteriorTimings.newBuilder()
                        .setIngestGwMs(1795467600120L)
                        .setIngestSpectrumMs(1795467601500L)
                        .setJoinedMs(1795467601538L)
                        .setInferenceStartMs(1795467601541L)
                        .setInferenceEndMs(1795467601544L)
                        .setEmittedMs(1795467601545L)
                        .build())
                .setWarnings(List.of("Expected the spectrum's redshift frame inside the prior, z in [3.00, 12.00]. "
                        + "Actual: z_hat = 13.89 (ln(1+z) = 2.701): the spectrum is unlike the training simulations and "
                        + "the redshift posterior is clipped at the prior edge; do not trust this posterior."))
                .build();
    }

    /** A JSON notice that was not an LVK alert, kept whole. */
    public static DeadLetter deadLetter() {
        byte[] raw = "{\"hello\": \"not an alert\"}".getBytes(StandardCharsets.UTF_8);
        return DeadLetter.newBuilder()
                .setReasonCode(DeadLetterReason.UNREADABLE_PAYLOAD)
                .setReason("Expected an igwn.alerts.v1_0 Alert. Actual: JSON without superevent_id")
                .setErrorClass("org.leain.sky.lvk.UnreadableAlertException")
                .setOriginTopic("igwn.gwalert")
                .setOriginPartition(2)
                .setOriginOffset(1041L)
                .setOriginTimestampMs(1795467600120L)
                .setOriginKey(null)
                .setRawBytes(ByteBuffer.wrap(raw))
                .setRawSizeBytes(raw.length)
                .setTruncated(false)
                .setFailedAtMs(1795467600133L)
                .setAppId("leain")
                .setAppVersion("0.1.0-SNAPSHOT")
                .build();
    }

    private static ParameterInfo parameter(String name, String unit, double low, double high) {
        return ParameterInfo.newBuilder().setName(name).setUnit(unit).setPriorLow(low).setPriorHigh(high)
                .setTransform("z".equals(name) ? ParameterTransform.LN1P_LOGIT : ParameterTransform.LOGIT).build();
    }

    private static ParameterSummary summary(String name, String unit, double mean, double std, double median,
            double p05, double p16, double p84, double p95) {
        return ParameterSummary.newBuilder().setName(name).setUnit(unit).setMean(mean).setStd(std).setMedian(median)
                .setP05(p05).setP16(p16).setP84(p84).setP95(p95).build();
    }

    private static Map<String, Double> orderedMap(Object... keysAndValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Double) keysAndValues[i + 1]);
        }
        return map;
    }
}
