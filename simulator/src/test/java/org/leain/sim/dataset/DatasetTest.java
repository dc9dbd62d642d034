package org.leain.sim.dataset;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Theta;

class DatasetTest {

  @TempDir Path dir;

  private final Simulator simulator = Simulator.standard();

  @Test
  void parallelGeneration_isByteIdentical_forOneAndTwoThreads() throws Exception {
    Path one = dir.resolve("one.bin");
    Path two = dir.resolve("two.bin");
    new DatasetGenerator(simulator).generate(700, 99, 1, one, n -> { });
    new DatasetGenerator(simulator).generate(700, 99, 2, two, n -> { });
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    assertEquals(Files.size(one), DatasetReaderSize.expectedBytes(one, 700));
  }

  @Test
  void reader_returnsWhatTheGeneratorSimulated_forEveryRecordIndexAndTheHeader() throws Exception {
    Path file = dir.resolve("d.bin");
    List<Long> seen = new java.util.ArrayList<>();
    new DatasetGenerator(simulator).generate(300, 5, 2, file, seen::add);
    assertEquals(300L, seen.get(seen.size() - 1));
    try (DatasetReader reader = DatasetReader.open(file)) {
      assertEquals(300, reader.size());
      assertEquals(5, reader.seed());
      assertEquals("log10_mbh", reader.parameterIds().get(1));
      assertArrayEquals(simulator.spectralGrid().wavelengthUm(), reader.wavelengthUm());
      assertArrayEquals(simulator.strainGrid().lnTauValues(), reader.lnTau());
      for (long i : new long[] {0, 1, 255, 256, 299}) {
        DatasetRecord r = reader.read(i);
        Theta expected = DatasetGenerator.eventTheta(5, i);
        assertEquals(expected, r.theta());
        SplittableRandom random = new SplittableRandom(DatasetGenerator.eventSeed(5, i));
        random.nextDouble(); // the eight prior draws
        for (int k = 1; k < Theta.SIZE; k++) {
          random.nextDouble();
        }
        Observation clean = simulator.simulateNoiseFree(expected, random.nextLong());
        for (int b = 0; b < clean.fluxUjy().length; b++) {
          assertEquals((float) clean.fluxUjy()[b], r.fluxUjy()[b]);
          assertEquals((float) clean.fluxErrUjy()[b], r.fluxErrUjy()[b]);
        }
        for (int j = 0; j < clean.strainA().length; j++) {
          assertEquals((float) clean.strainA()[j], r.strainA()[j]);
          assertEquals((float) clean.strainE()[j], r.strainE()[j]);
        }
      }
      int count = 0;
      for (DatasetRecord r : reader) {
        assertTrue(Double.isFinite(r.theta().z()));
        count++;
      }
      assertEquals(300, count);
    }
  }

  @Test
  void header_isLittleEndianWithMagicVersionAndGridSizes() throws Exception {
    Path file = dir.resolve("h.bin");
    new DatasetGenerator(simulator).generate(3, 1, 1, file, n -> { });
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[8];
    b.get(magic);
    assertEquals("LEAINSIM", new String(magic, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(1, b.getInt());
    int header = b.getInt();
    assertEquals(8, b.getInt());
    assertEquals(320, b.getInt());
    assertEquals(1024, b.getInt());
    assertEquals(2, b.getInt());
    assertEquals(3L, b.getLong());
    assertEquals(header + 3L * 10_816, Files.size(file));
  }

  @Test
  void noisyObservationFromRecord_drawsFreshNoiseWithTheStoredErrors() throws Exception {
    Path file = dir.resolve("n.bin");
    new DatasetGenerator(simulator).generate(1, 3, 1, file, n -> { });
    try (DatasetReader reader = DatasetReader.open(file)) {
      DatasetRecord r = reader.read(0);
      double[] wl = reader.wavelengthUm();
      Observation a = r.noisyObservation(wl, new SplittableRandom(1));
      Observation b = r.noisyObservation(wl, new SplittableRandom(2));
      double chi2 = 0.0;
      for (int i = 0; i < wl.length; i++) {
        double d = (a.fluxUjy()[i] - r.fluxUjy()[i]) / r.fluxErrUjy()[i];
        chi2 += d * d;
      }
      assertEquals(320, chi2, 4 * Math.sqrt(640));
      assertNotEquals(a.fluxUjy()[10], b.fluxUjy()[10]);
    }
  }

  /** Expected file size from the header length. */
  static final class DatasetReaderSize {
    static long expectedBytes(Path file, long records) throws Exception {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file), 12, 4).order(ByteOrder.LITTLE_ENDIAN);
      return b.getInt() + records * DatasetFormat.recordBytes(8, 320, 1024, 2);
    }
  }
}
