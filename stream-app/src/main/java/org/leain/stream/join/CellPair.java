package org.leain.stream.join;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;

/**
 * A pair found by the cell pre-filter, on its way to the exact decision: the superevent and the
 * version seen in the cell, the whole spectrum (a few kB: the decision and the network need it), and
 * the timestamps so far.
 */
record CellPair(String supereventId, int version, Spectrum spectrum, long candidateIngestedMs, long spectrumIngestedMs,
    long joinedMs) {

  private static final Serde<Spectrum> SPECTRUM = ContractSerdes.spectrum();
  static final FunctionSerde<CellPair> SERDE = new FunctionSerde<>(CellPair::toBytes, CellPair::fromBytes);

  byte[] toBytes() {
    byte[] spectrumBytes = SPECTRUM.serializer().serialize(null, spectrum);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(spectrumBytes.length + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(supereventId);
      out.writeInt(version);
      out.writeLong(candidateIngestedMs);
      out.writeLong(spectrumIngestedMs);
      out.writeLong(joinedMs);
      out.writeInt(spectrumBytes.length);
      out.write(spectrumBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static CellPair fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String superevent = in.readUTF();
      int version = in.readInt();
      long candidateIngested = in.readLong();
      long spectrumIngested = in.readLong();
      long joined = in.readLong();
      byte[] spectrumBytes = new byte[in.readInt()];
      in.readFully(spectrumBytes);
      return new CellPair(superevent, version, SPECTRUM.deserializer().deserialize(null, spectrumBytes),
          candidateIngested, spectrumIngested, joined);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
