package org.leain.sky.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.crossmatch.CrossmatchResult;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.skymap.SkymapReader;
import org.leain.sky.testdata.TestData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** JMH benchmarks; {@link #main} runs them all briefly (about a minute). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SkyBenchmarks {

  private byte[] fitsBytes;
  private SkymapIndex bayestar;
  private SkymapIndex wide;
  private double[] ra;
  private double[] dec;
  private int next;

  @Setup
  public void setUp() {
    fitsBytes = TestData.dataBytes("lvk/bayestar.multiorder.fits");
    bayestar = SkymapReader.read(fitsBytes).index();
    wide = WideMap.build().index();
    SplittableRandom random = new SplittableRandom(1);
    ra = new double[4096];
    dec = new double[4096];
    for (int i = 0; i < ra.length; i++) {
      ra[i] = 185 + 20 * random.nextDouble();
      dec[i] = -30 + 20 * random.nextDouble();
    }
  }

  /** Read the real 19,200-row BAYESTAR FITS from bytes, validate it, and build its index. */
  @Benchmark
  public SkymapIndex readAndIndex19200RowMap() {
    Skymap map = SkymapReader.read(fitsBytes);
    return map.index();
  }

  /** One crossmatch (no redshift) on the indexed real map, at rotating positions. */
  @Benchmark
  public CrossmatchResult crossmatchOneTarget() {
    int i = next++ & 4095;
    return Crossmatch.at(bayestar, ra[i], dec[i]);
  }

  /** One crossmatch with a redshift (adds the Planck18 D_L quadrature). */
  @Benchmark
  public CrossmatchResult crossmatchOneTargetWithRedshift() {
    int i = next++ & 4095;
    return Crossmatch.at(bayestar, ra[i], dec[i], 0.009);
  }

  /** Order-6 covering cells of the ~4,000 deg^2 90% region of the synthetic wide map. */
  @Benchmark
  public long[] coveringCellsOrder6WideMap() {
    return wide.coveringCells(6, 0.9);
  }

  public static void main(String[] args) throws Exception {
    SkymapIndex w = WideMap.build().index();
    System.out.printf("wide map: %d pixels, 90%% area %.1f deg2 (interpolated), %d order-6 cells%n",
        w.size(), w.credibleAreaDeg2(0.9), w.coveringCells(6, 0.9).length);
    new Runner(new OptionsBuilder()
        .include(SkyBenchmarks.class.getSimpleName())
        .jvmArgsAppend("-Dleain.root=" + TestData.repoRoot())
        .build()).run();
  }
}
