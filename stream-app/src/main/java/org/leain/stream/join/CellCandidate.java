package org.leain.stream.join;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A candidate's presence in one join cell: its superevent id, version and ingestion time. Never the
 * skymap (a large region has thousands of cells).
 */
record CellCandidate(String supereventId, int version, long ingestedMs) {

  static final FunctionSerde<CellCandidate> SERDE = new FunctionSerde<>(CellCandidate::toBytes, CellCandidate::fromBytes);

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(supereventId);
      out.writeInt(version);
      out.writeLong(ingestedMs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static CellCandidate fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      return new CellCandidate(in.readUTF(), in.readInt(), in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
