package org.leain.sim.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.leain.sim.prior.Theta;

/**
 * Reads a {@link DatasetFormat} file without loading it: records are fixed-size, so
 * {@link #read(long)} is one positional read (random access for shuffled epochs) and
 * {@link #iterator()} streams in order. Thread-safe (positional reads on a shared channel).
 */
public final class DatasetReader implements AutoCloseable, Iterable<DatasetRecord> {

  private final FileChannel channel;
  private final int headerBytes;
  private final int params;
  private final int sedBins;
  private final int strainSamples;
  private final int channels;
  private final long size;
  private final long seed;
  private final List<String> parameterIds;
  private final double[] wavelengthUm;
  private final double[] lnTau;
  private final int recordBytes;

  private DatasetReader(FileChannel channel) throws IOException {
    this.channel = channel;
    ByteBuffer fixed = readAt(0, 8 + 4 * 6 + 16);
    byte[] magic = new byte[8];
    fixed.get(magic);
    String m = new String(magic, StandardCharsets.US_ASCII);
    if (!DatasetFormat.MAGIC.equals(m)) {
      throw new IOException("Expected magic " + DatasetFormat.MAGIC + ". Actual: " + m);
    }
    int version = fixed.getInt();
    if (version != DatasetFormat.VERSION) {
      throw new IOException("Expected dataset version " + DatasetFormat.VERSION + ". Actual: "
          + version);
    }
    headerBytes = fixed.getInt();
    params = fixed.getInt();
    sedBins = fixed.getInt();
    strainSamples = fixed.getInt();
    channels = fixed.getInt();
    size = fixed.getLong();
    seed = fixed.getLong();
    if (params != Theta.SIZE || channels != 2) {
      throw new IOException("Expected " + Theta.SIZE + " parameters and 2 channels. Actual: "
          + params + " and " + channels);
    }
    ByteBuffer rest = readAt(fixed.capacity(), headerBytes - fixed.capacity());
    parameterIds = new ArrayList<>();
    for (int i = 0; i < params; i++) {
      byte[] name = new byte[rest.getInt()];
      rest.get(name);
      parameterIds.add(new String(name, StandardCharsets.UTF_8));
    }
    wavelengthUm = new double[sedBins];
    for (int i = 0; i < sedBins; i++) {
      wavelengthUm[i] = rest.getDouble();
    }
    lnTau = new double[strainSamples];
    for (int i = 0; i < strainSamples; i++) {
      lnTau[i] = rest.getDouble();
    }
    recordBytes = DatasetFormat.recordBytes(params, sedBins, strainSamples, channels);
  }

  /** Opens a dataset file. */
  public static DatasetReader open(Path path) throws IOException {
    return new DatasetReader(FileChannel.open(path, StandardOpenOption.READ));
  }

  /** Number of records. */
  public long size() {
    return size;
  }

  /** The seed the dataset was generated with. */
  public long seed() {
    return seed;
  }

  /** Parameter ids in stored order. */
  public List<String> parameterIds() {
    return List.copyOf(parameterIds);
  }

  /** SED bin-centre wavelengths, micrometres (a copy). */
  public double[] wavelengthUm() {
    return wavelengthUm.clone();
  }

  /** ln(tau / 1 s) of the strain samples (a copy). */
  public double[] lnTau() {
    return lnTau.clone();
  }

  /** The record at {@code index} (0-based). */
  public DatasetRecord read(long index) throws IOException {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Expected a record index in [0, " + size + "). Actual: "
          + index);
    }
    ByteBuffer b = readAt(headerBytes + index * recordBytes, recordBytes);
    double[] theta = new double[params];
    for (int i = 0; i < params; i++) {
      theta[i] = b.getDouble();
    }
    float[] flux = floats(b, sedBins);
    float[] err = floats(b, sedBins);
    float[] a = floats(b, strainSamples);
    float[] e = floats(b, strainSamples);
    return new DatasetRecord(Theta.of(theta), flux, err, a, e);
  }

  @Override
  public Iterator<DatasetRecord> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public DatasetRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        try {
          return read(next++);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static float[] floats(ByteBuffer b, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getFloat();
    }
    return out;
  }

  private ByteBuffer readAt(long position, int length) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(length).order(DatasetFormat.ORDER);
    while (b.hasRemaining()) {
      int r = channel.read(b, position + b.position());
      if (r < 0) {
        throw new IOException("Expected " + length + " bytes at offset " + position
            + ". Actual: end of file");
      }
    }
    b.flip();
    return b;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
