package org.leain.stream.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.kafka.ContractSerdes;

/** A dead letter stays small whatever failed: raw value, key and reason are capped. */
class DeadLetterRecordsTest {

  /** The origin of a failed record as Kafka Streams describes it. */
  private record Origin(String topic, int partition, long offset, long timestamp) implements ErrorHandlerContext {
    @Override
    public Headers headers() {
      return new RecordHeaders();
    }

    @Override
    public String processorNodeId() {
      return "spectra-cells";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(1, partition);
    }

    @Override
    public byte[] sourceRawKey() {
      return null;
    }

    @Override
    public byte[] sourceRawValue() {
      return null;
    }
  }

  @Test
  void aFourMebibyteRecordWithAHugeKey_becomesADeadLetterOfAFewHundredKilobytes() {
    DeadLetterRecords records = new DeadLetterRecords("leain.dlq", "leain-stream", 256 * 1024);
    byte[] value = new byte[4 * 1024 * 1024];
    byte[] key = new byte[100_000];
    Arrays.fill(key, (byte) 'k');
    String longMessage = "x".repeat(50_000);
    DeadLetter letter = records.deadLetter(new Origin("leain.jwst.spectra", 3, 42, 1000), key, value,
        DeadLetterReason.INVALID_SPECTRUM, new DeadLetterException(DeadLetterReason.INVALID_SPECTRUM, longMessage), 7);
    assertEquals(256 * 1024, letter.getRawBytes().remaining());
    assertEquals(4 * 1024 * 1024, letter.getRawSizeBytes());
    assertTrue(letter.getTruncated());
    assertTrue(letter.getReason().length() <= DeadLetterRecords.MAX_REASON_CHARS + 3);
    assertEquals("leain.jwst.spectra", letter.getOriginTopic());
    assertEquals(3, letter.getOriginPartition());
    assertEquals(42, letter.getOriginOffset());
    List<ProducerRecord<byte[], byte[]>> out = records.records(letter, key);
    assertEquals("leain.dlq", out.get(0).topic());
    assertTrue(out.get(0).key().length <= DeadLetterRecords.MAX_KEY_BYTES);
    assertTrue(out.get(0).value().length < 300 * 1024, "fits any broker's default 1 MB limit");
    assertEquals(letter, ContractSerdes.deadLetter().deserializer().deserialize("leain.dlq", out.get(0).value()));
  }

  @Test
  void classification_followsTheExceptionType() {
    assertEquals(DeadLetterReason.MODEL_FAILURE, DeadLetterRecords.classify(
        new RuntimeException(new DeadLetterException(DeadLetterReason.MODEL_FAILURE, "m"))));
    assertEquals(DeadLetterReason.INVALID_SKYMAP, DeadLetterRecords.classify(new org.leain.sky.skymap.InvalidSkymapException(
        org.leain.sky.skymap.InvalidSkymapException.Reason.NOT_NORMALISED, "p")));
    assertEquals(DeadLetterReason.PROCESSING_FAILURE, DeadLetterRecords.classify(new IllegalStateException("?")));
  }
}
