package org.leain.sim.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.leain.sim.Observation;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Theta;
import org.leain.sim.sed.SpectralGrid;

/**
 * Writes a dataset file in {@link DatasetFormat} version 1, one record at a time (nothing is held
 * in memory). The record count in the header is patched on {@link #close()}. Not thread-safe.
 */
public final class DatasetWriter implements AutoCloseable {

  private final FileChannel channel;
  private final ByteBuffer record;
  private long count;

  private DatasetWriter(FileChannel channel, int recordBytes) {
    this.channel = channel;
    this.record = ByteBuffer.allocate(recordBytes).order(DatasetFormat.ORDER);
  }

  /** Creates (or truncates) {@code path} and writes the header for the standard grids. */
  public static DatasetWriter create(Path path, long datasetSeed) throws IOException {
    SpectralGrid sed = SpectralGrid.prism();
    StrainGrid strain = StrainGrid.standard();
    Parameter[] params = Parameter.values();
    byte[][] names = new byte[params.length][];
    int namesBytes = 0;
    for (int i = 0; i < params.length; i++) {
      names[i] = params[i].id().getBytes(StandardCharsets.UTF_8);
      namesBytes += 4 + names[i].length;
    }
    int headerBytes = 8 + 4 * 6 + 8 + 8 + namesBytes + 8 * sed.size() + 8 * strain.size();
    ByteBuffer header = ByteBuffer.allocate(headerBytes).order(DatasetFormat.ORDER);
    header.put(DatasetFormat.MAGIC.getBytes(StandardCharsets.US_ASCII));
    header.putInt(DatasetFormat.VERSION);
    header.putInt(headerBytes);
    header.putInt(params.length);
    header.putInt(sed.size());
    header.putInt(strain.size());
    header.putInt(2);
    header.putLong(0L);
    header.putLong(datasetSeed);
    for (byte[] name : names) {
      header.putInt(name.length);
      header.put(name);
    }
    for (int i = 0; i < sed.size(); i++) {
      header.putDouble(sed.wavelengthUm(i));
    }
    for (int i = 0; i < strain.size(); i++) {
      header.putDouble(strain.lnTau(i));
    }
    header.flip();
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    while (header.hasRemaining()) {
      channel.write(header);
    }
    return new DatasetWriter(channel,
        DatasetFormat.recordBytes(params.length, sed.size(), strain.size(), 2));
  }

  /** Appends one record: theta and the noise-free observation's signals and errors. */
  public void write(Theta theta, Observation noiseFree) throws IOException {
    record.clear();
    for (double v : theta.toArray()) {
      record.putDouble(v);
    }
    putFloats(noiseFree.fluxUjy());
    putFloats(noiseFree.fluxErrUjy());
    putFloats(noiseFree.strainA());
    putFloats(noiseFree.strainE());
    record.flip();
    while (record.hasRemaining()) {
      channel.write(record);
    }
    count++;
  }

  /** Number of records written so far. */
  public long count() {
    return count;
  }

  private void putFloats(double[] values) {
    for (double v : values) {
      record.putFloat((float) v);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      ByteBuffer n = ByteBuffer.allocate(8).order(DatasetFormat.ORDER).putLong(0, count);
      channel.write(n, DatasetFormat.RECORD_COUNT_OFFSET);
      channel.force(false);
    } finally {
      channel.close();
    }
  }
}
