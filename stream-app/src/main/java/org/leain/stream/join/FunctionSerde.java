package org.leain.stream.join;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A serde from two functions; {@code null} maps to {@code null} both ways (tombstones). */
record FunctionSerde<T>(Function<T, byte[]> encode, Function<byte[], T> decode) implements Serde<T> {

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : encode.apply(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : decode.apply(bytes);
  }
}
