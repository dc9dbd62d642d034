package org.leain.stream.join;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Serde;
import org.leain.contracts.Association;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;

/**
 * An accepted association as the decision store keeps it: the association last emitted (its alert
 * version says which candidate state it was decided against) and the spectrum, so that a new
 * candidate version can re-decide it without waiting for the spectrum to come round again.
 */
public record AssociationState(Association association, Spectrum spectrum) {

  private static final Serde<Association> ASSOCIATION = ContractSerdes.association();
  private static final Serde<Spectrum> SPECTRUM = ContractSerdes.spectrum();
  static final FunctionSerde<AssociationState> SERDE =
      new FunctionSerde<>(AssociationState::toBytes, AssociationState::fromBytes);

  byte[] toBytes() {
    byte[] a = ASSOCIATION.serializer().serialize(null, association);
    byte[] s = SPECTRUM.serializer().serialize(null, spectrum);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(a.length + s.length + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(a.length);
      out.write(a);
      out.writeInt(s.length);
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static AssociationState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte[] a = new byte[in.readInt()];
      in.readFully(a);
      byte[] s = new byte[in.readInt()];
      in.readFully(s);
      return new AssociationState(ASSOCIATION.deserializer().deserialize(null, a),
          SPECTRUM.deserializer().deserialize(null, s));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
