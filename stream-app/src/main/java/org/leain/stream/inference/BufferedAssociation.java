package org.leain.stream.inference;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.leain.contracts.Association;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.dlq.DeadLetterRecords;
import org.leain.stream.join.AssociationChange;

/**
 * An accepted association waiting in the inference buffer, with everything needed to emit its
 * posterior later exactly as if it had been inferred on arrival: the record's key, timestamp and
 * headers, and its origin (input topic, partition, offset) for a dead letter. The candidate is kept
 * as it was when the association was accepted (a later alert version must not change an earlier
 * association's inputs) but without its sky maps and original notice ({@link #lightweight}): the
 * network reads the strain, not the maps, and the maps (megabytes for real alerts) would otherwise be
 * written to the buffer's changelog once per buffered association.
 */
record BufferedAssociation(String key, AssociationChange.Accepted change, long timestampMs, Headers headers,
    DeadLetterRecords.Origin origin) {

  private static final Serializer<Association> ASSOCIATION = ContractSerdes.association().serializer();
  private static final Serializer<GwCandidate> CANDIDATE = ContractSerdes.gwCandidate().serializer();
  private static final Serializer<Spectrum> SPECTRUM = ContractSerdes.spectrum().serializer();
  private static final Deserializer<Association> ASSOCIATION_IN = ContractSerdes.association().deserializer();
  private static final Deserializer<GwCandidate> CANDIDATE_IN = ContractSerdes.gwCandidate().deserializer();
  private static final Deserializer<Spectrum> SPECTRUM_IN = ContractSerdes.spectrum().deserializer();

  /** The store's value serde. */
  static final Serde<BufferedAssociation> SERDE = new Serde<>() {
    @Override
    public Serializer<BufferedAssociation> serializer() {
      return (topic, value) -> value == null ? null : value.toBytes();
    }

    @Override
    public Deserializer<BufferedAssociation> deserializer() {
      return (topic, bytes) -> bytes == null ? null : fromBytes(bytes);
    }
  };

  /**
   * A shallow copy of {@code candidate} without {@code skymap}, {@code combined_skymap} and the
   * provenance's {@code original_notice}; everything else (strain included) is shared.
   */
  static GwCandidate lightweight(GwCandidate candidate) {
    GwCandidate copy = new GwCandidate();
    for (int i = 0; i < candidate.getSchema().getFields().size(); i++) {
      copy.put(i, candidate.get(i));
    }
    copy.setSkymap(null);
    copy.setCombinedSkymap(null);
    GwProvenance provenance = candidate.getProvenance();
    copy.setProvenance(new GwProvenance(provenance.getSourceTopic(), provenance.getSourceFormat(),
        provenance.getIngestedMs(), null));
    return copy;
  }

  byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(key);
      out.writeLong(timestampMs);
      out.writeUTF(origin.topic() == null ? "" : origin.topic());
      out.writeInt(origin.partition());
      out.writeLong(origin.offset());
      out.writeLong(origin.timestampMs());
      Header[] all = headers.toArray();
      out.writeInt(all.length);
      for (Header h : all) {
        out.writeUTF(h.key());
        writeBytes(out, h.value());
      }
      writeBytes(out, ASSOCIATION.serialize(null, change.association()));
      writeBytes(out, CANDIDATE.serialize(null, change.candidate()));
      writeBytes(out, SPECTRUM.serialize(null, change.spectrum()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static BufferedAssociation fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      String key = in.readUTF();
      long timestamp = in.readLong();
      String topic = in.readUTF();
      DeadLetterRecords.Origin origin = new DeadLetterRecords.Origin(topic.isEmpty() ? null : topic, in.readInt(),
          in.readLong(), in.readLong());
      RecordHeaders headers = new RecordHeaders();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        headers.add(in.readUTF(), readBytes(in));
      }
      Association association = ASSOCIATION_IN.deserialize(null, readBytes(in));
      GwCandidate candidate = CANDIDATE_IN.deserialize(null, readBytes(in));
      Spectrum spectrum = SPECTRUM_IN.deserialize(null, readBytes(in));
      return new BufferedAssociation(key, new AssociationChange.Accepted(association, candidate, spectrum), timestamp,
          headers, origin);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    out.writeInt(value == null ? -1 : value.length);
    if (value != null) {
      out.write(value);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] value = new byte[n];
    in.readFully(value);
    return value;
  }
}
