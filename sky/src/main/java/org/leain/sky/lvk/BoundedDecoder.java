package org.leain.sky.lvk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over a byte array that refuses any length or item count larger than the
 * array itself. Avro's own decoder allocates whatever a length prefix claims (a 5-byte body can ask
 * for gigabytes); here every string, bytes and block is bounded by the input, so a hostile alert
 * fails with an exception instead of exhausting the heap.
 */
final class BoundedDecoder extends Decoder {

  private final BinaryDecoder in;
  private final long limit;

  BoundedDecoder(byte[] bytes, int offset, int length) {
    this.in = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
    this.limit = length;
  }

  boolean isEnd() throws IOException {
    return in.isEnd();
  }

  private int checkedLength(long length, String what) {
    if (length < 0 || length > limit) {
      throw new AvroRuntimeException("Expected a " + what + " length within the " + limit
          + "-byte input. Actual: " + length);
    }
    return (int) length;
  }

  private long checkedCount(long count) {
    if (count < 0 || count > limit) {
      throw new AvroRuntimeException("Expected a block count within the " + limit + "-byte input. Actual: " + count);
    }
    return count;
  }

  private byte[] lengthPrefixed(String what) throws IOException {
    byte[] b = new byte[checkedLength(in.readLong(), what)];
    in.readFixed(b, 0, b.length);
    return b;
  }

  @Override
  public void readNull() throws IOException {
    in.readNull();
  }

  @Override
  public boolean readBoolean() throws IOException {
    return in.readBoolean();
  }

  @Override
  public int readInt() throws IOException {
    return in.readInt();
  }

  @Override
  public long readLong() throws IOException {
    return in.readLong();
  }

  @Override
  public float readFloat() throws IOException {
    return in.readFloat();
  }

  @Override
  public double readDouble() throws IOException {
    return in.readDouble();
  }

  @Override
  public Utf8 readString(Utf8 old) throws IOException {
    return new Utf8(lengthPrefixed("string"));
  }

  @Override
  public String readString() throws IOException {
    return new String(lengthPrefixed("string"), StandardCharsets.UTF_8);
  }

  @Override
  public void skipString() throws IOException {
    in.skipFixed(checkedLength(in.readLong(), "string"));
  }

  @Override
  public ByteBuffer readBytes(ByteBuffer old) throws IOException {
    return ByteBuffer.wrap(lengthPrefixed("bytes"));
  }

  @Override
  public void skipBytes() throws IOException {
    in.skipFixed(checkedLength(in.readLong(), "bytes"));
  }

  @Override
  public void readFixed(byte[] bytes, int start, int length) throws IOException {
    in.readFixed(bytes, start, length);
  }

  @Override
  public void skipFixed(int length) throws IOException {
    in.skipFixed(checkedLength(length, "fixed"));
  }

  @Override
  public int readEnum() throws IOException {
    return in.readEnum();
  }

  @Override
  public long readArrayStart() throws IOException {
    return checkedCount(in.readArrayStart());
  }

  @Override
  public long arrayNext() throws IOException {
    return checkedCount(in.arrayNext());
  }

  @Override
  public long skipArray() throws IOException {
    return in.skipArray();
  }

  @Override
  public long readMapStart() throws IOException {
    return checkedCount(in.readMapStart());
  }

  @Override
  public long mapNext() throws IOException {
    return checkedCount(in.mapNext());
  }

  @Override
  public long skipMap() throws IOException {
    return in.skipMap();
  }

  @Override
  public int readIndex() throws IOException {
    return in.readIndex();
  }
}
