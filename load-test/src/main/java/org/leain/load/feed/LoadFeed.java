package org.leain.load.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.SourceFormat;
import org.leain.contracts.Spectrum;
import org.leain.contracts.SpectrumProvenance;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Prior;

/**
 * The alerts and spectra of one load test (see the package documentation for the geometry).
 *
 * <p>Ids: superevents are {@code MLT<tag>A<n>} (mock events start with M), spectra
 * {@code LT<tag>-<index>}; {@link #indexOf} maps a spectrum id of this run back to its index, which
 * is how a posterior finds its intended send time. Thread-safe: {@link #spectrum} is a pure
 * function of the index.
 */
public final class LoadFeed {

  /** Inside spectra lie within this credible cap of their alert. */
  static final double INSIDE_LEVEL = 0.5;
  /** Outside spectra lie beyond this credible cap of every alert. */
  static final double OUTSIDE_LEVEL = 0.999;
  private static final int MAX_PLACEMENT_TRIES = 10_000;
  /** Distinct simulated SEDs; spectra reuse them with their own ids and positions. */
  static final int SED_POOL_SIZE = 32;

  private final FeedSpec spec;
  private final List<VonMisesFisherMap> maps;
  private final List<GwCandidate> alerts;
  private final String spectrumPrefix;
  private final List<Double> wavelengthUm;
  private final List<SimulatedSed> seds;

  public LoadFeed(FeedSpec spec) {
    this.spec = spec;
    this.spectrumPrefix = "LT" + spec.runTag() + "-";
    SplittableRandom random = new SplittableRandom(spec.seed());
    List<VonMisesFisherMap> mapList = new ArrayList<>();
    List<GwCandidate> alertList = new ArrayList<>();
    long nowMs = System.currentTimeMillis();
    for (int a = 0; a < spec.activeAlerts(); a++) {
      // Isotropic centres: uniform RA, uniform sin(dec).
      SkyDirection centre = new SkyDirection(
          360.0 * random.nextDouble(), Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)));
      VonMisesFisherMap map = new VonMisesFisherMap(centre, spec.skymapAreaDeg2());
      mapList.add(map);
      alertList.add(candidate(supereventId(a), map, 400.0 + 1600.0 * random.nextDouble(), nowMs));
    }
    this.maps = List.copyOf(mapList);
    this.alerts = Collections.unmodifiableList(alertList);
    // Spectra from the simulator (DCBH prior, PRISM grid, noise): simulated once, so that building
    // a spectrum at its send time costs microseconds whatever the simulator's cost.
    Simulator simulator = Simulator.standard();
    List<SimulatedSed> pool = new ArrayList<>();
    List<Double> grid = null;
    for (int i = 0; i < SED_POOL_SIZE; i++) {
      Observation observation = simulator.simulate(Prior.uniform().sample(random), random.nextLong());
      if (grid == null) {
        grid = boxed(observation.wavelengthUm());
      }
      pool.add(new SimulatedSed(boxed(observation.fluxUjy()), boxed(observation.fluxErrUjy()),
          boxed(observation.sedMask())));
    }
    this.wavelengthUm = List.copyOf(grid);
    this.seds = List.copyOf(pool);
    requireRoomInEveryRegion();
  }

  /**
   * Refuses, before any spectrum is sent, a feed whose regions overlap so much that some alert has
   * no position clearly inside it and clear of every other region's boundary: its spectra could
   * not be placed, and a run would lose them mid-way as failed sends.
   */
  private void requireRoomInEveryRegion() {
    SplittableRandom probe = new SplittableRandom(spec.seed());
    for (int a = 0; a < maps.size(); a++) {
      boolean found = false;
      for (int attempt = 0; attempt < MAX_PLACEMENT_TRIES && !found; attempt++) {
        List<String> expected = expectedAt(insideCap(maps.get(a), probe));
        found = expected != null && expected.contains(supereventId(a));
      }
      if (!found) {
        throw new IllegalArgumentException("Expected every alert's region to hold a position clear of the other"
            + " regions' boundaries. Actual: none in " + MAX_PLACEMENT_TRIES + " tries for alert " + a + " of "
            + spec.activeAlerts() + " with " + spec.skymapAreaDeg2() + " deg^2 each (fewer or smaller regions)");
      }
    }
  }

  public FeedSpec spec() {
    return spec;
  }

  /** The active GW candidates, to be sent (keyed by superevent id) before any spectrum. */
  public List<GwCandidate> alerts() {
    return alerts;
  }

  /** The superevent id of alert {@code alertIndex}. */
  public String supereventId(int alertIndex) {
    return "MLT" + spec.runTag() + "A" + alertIndex;
  }

  /** The id of spectrum {@code index}. */
  public String spectrumId(long index) {
    return spectrumPrefix + index;
  }

  /** The index of a spectrum id of this run, or -1 for any other id. */
  public long indexOf(String spectrumId) {
    if (spectrumId == null || !spectrumId.startsWith(spectrumPrefix)) {
      return -1;
    }
    try {
      return Long.parseLong(spectrumId.substring(spectrumPrefix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** True if spectrum {@code index} is placed outside every region (a deterministic draw). */
  public boolean isOutside(long index) {
    return random(index).nextDouble() < spec.outsideFraction();
  }

  /**
   * Spectrum {@code index}: outside every region (with probability outsideFraction), or inside the
   * region of alert {@code (index / K) mod A}, so K consecutive spectra share an alert.
   *
   * @throws IllegalStateException if no unambiguous position is found (regions covering the sky
   *     leave no room outside them; use an outside fraction of 0 there)
   */
  public FeedSpectrum spectrum(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("Expected a spectrum index >= 0. Actual: " + index);
    }
    SplittableRandom random = random(index);
    boolean outside = random.nextDouble() < spec.outsideFraction();
    int home = (int) ((index / spec.spectraPerAlert()) % spec.activeAlerts());
    for (int attempt = 0; attempt < MAX_PLACEMENT_TRIES; attempt++) {
      SkyDirection position = outside ? uniformOnSphere(random) : insideCap(maps.get(home), random);
      List<String> expected = expectedAt(position);
      if (expected != null && (outside ? expected.isEmpty() : expected.contains(supereventId(home)))) {
        return new FeedSpectrum(index, spectrumRecord(index, position, random), expected);
      }
    }
    throw new IllegalStateException("Expected room for an unambiguous " + (outside ? "outside" : "inside")
        + " spectrum after " + MAX_PLACEMENT_TRIES + " tries. Actual: none found with "
        + spec.activeAlerts() + " alerts of " + spec.skymapAreaDeg2()
        + " deg^2 (regions cover the sky; use an outside fraction of 0)");
  }

  /** The alerts clearly containing a position, or null if it is near some region's boundary. */
  private List<String> expectedAt(SkyDirection position) {
    List<String> inside = new ArrayList<>();
    for (int a = 0; a < maps.size(); a++) {
      VonMisesFisherMap map = maps.get(a);
      double angle = map.centre().angleToRad(position);
      if (angle <= map.capRadiusRad(INSIDE_LEVEL)) {
        inside.add(supereventId(a));
      } else if (angle <= map.capRadiusRad(OUTSIDE_LEVEL)) {
        return null;
      }
    }
    return inside;
  }

  private SplittableRandom random(long index) {
    return new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (index + 1)));
  }

  private static SkyDirection uniformOnSphere(SplittableRandom random) {
    return new SkyDirection(360.0 * random.nextDouble(), Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)));
  }

  /** Uniform in solid angle within the map's inside cap. */
  private static SkyDirection insideCap(VonMisesFisherMap map, SplittableRandom random) {
    double maxOneMinusCos = 1 - Math.cos(map.capRadiusRad(INSIDE_LEVEL));
    double angle = Math.acos(1 - maxOneMinusCos * random.nextDouble());
    return map.centre().offset(angle, 2 * Math.PI * random.nextDouble());
  }

  private GwCandidate candidate(String id, VonMisesFisherMap map, double distanceMpc, long nowMs) {
    return GwCandidate.newBuilder()
        .setSupereventId(id)
        .setAlertType(AlertType.PRELIMINARY)
        .setVersion(1)
        .setTimeCreatedMs(nowMs)
        .setFarHz(1e-9)
        .setSignificant(true)
        .setInstruments(List.of("H1", "L1", "V1"))
        .setGroup("CBC")
        .setPipeline("leain-load-test")
        .setSkymap(map.toSkymap(id, distanceMpc, 0.3 * distanceMpc))
        .setUrls(Map.of())
        .setProvenance(GwProvenance.newBuilder()
            .setSourceTopic("leain.load-test")
            .setSourceFormat(SourceFormat.SIMULATED)
            .build())
        .setMock(true)
        .build();
  }

  /** One simulated SED of the pool, as the record's lists. */
  private record SimulatedSed(List<Double> fluxUjy, List<Double> fluxErrUjy, List<Boolean> mask) {
    int masked() {
      return (int) mask.stream().filter(usable -> !usable).count();
    }
  }

  /** Spectrum {@code index} with an SED of the pool (chosen by the index's random stream). */
  private Spectrum spectrumRecord(long index, SkyDirection position, SplittableRandom random) {
    SimulatedSed sed = seds.get(random.nextInt(seds.size()));
    return Spectrum.newBuilder()
        .setSpectrumId(spectrumId(index))
        .setTargetName("load-test " + index)
        .setRaDeg(position.raDeg())
        .setDecDeg(position.decDeg())
        .setInstrument("NIRSpec")
        .setGrating("PRISM")
        .setFilter("CLEAR")
        .setWavelengthUm(wavelengthUm)
        .setFluxUjy(sed.fluxUjy())
        .setFluxErrUjy(sed.fluxErrUjy())
        .setMask(sed.mask())
        .setNMasked(sed.masked())
        .setProvenance(SpectrumProvenance.newBuilder().setArchive("LEAIN load test").build())
        .build();
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return List.copyOf(list);
  }

  private static List<Boolean> boxed(boolean[] values) {
    List<Boolean> list = new ArrayList<>(values.length);
    for (boolean v : values) {
      list.add(v);
    }
    return List.copyOf(list);
  }
}
