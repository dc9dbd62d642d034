package org.leain.stream.lvk;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.SourceFormat;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.lvk.NoticeVersioning.Outcome;
import org.leain.stream.lvk.NoticeVersioning.Verdict;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assigns versions per superevent (see {@link NoticeVersioning}); forwards accepted notices only. */
final class NoticeVersioner implements Processor<String, GwCandidate, String, GwCandidate> {
  private static final Logger LOG = LoggerFactory.getLogger(NoticeVersioner.class);
  private static final Serializer<GwCandidate> ENCODER = ContractSerdes.gwCandidate().serializer();

  private final StreamMetrics metrics;
  private ProcessorContext<String, GwCandidate> context;
  private KeyValueStore<String, byte[]> states;

  NoticeVersioner(StreamMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, GwCandidate> context) {
    this.context = context;
    this.states = context.getStateStore(NormaliserTopology.VERSION_STORE);
  }

  @Override
  public void process(Record<String, GwCandidate> record) {
    GwCandidate candidate = record.value();
    byte[] stored = states.get(record.key());
    Optional<SupereventState> current = stored == null ? Optional.empty() : Optional.of(SupereventState.fromBytes(stored));
    Verdict verdict = NoticeVersioning.decide(current, candidate.getAlertType(), candidate.getTimeCreatedMs(),
        contentDigest(candidate));
    if (verdict.outcome() != Outcome.ACCEPTED) {
      metrics.increment(Counter.ALERTS_IGNORED);
      LOG.info("Ignored {} {} notice created at {}: {}", record.key(), candidate.getAlertType(),
          candidate.getTimeCreatedMs(), verdict.outcome());
      return;
    }
    states.put(record.key(), verdict.state().toBytes());
    candidate.setVersion(verdict.state().version());
    metrics.increment(Counter.ALERT_VERSIONS);
    context.forward(record.withValue(candidate));
  }

  /**
   * SHA-256 of the notice's content without what differs between deliveries of the same notice
   * (version, provenance: source topic, wire format, ingestion time), so the JSON and the Avro form
   * of one notice are the same notice.
   */
  static String contentDigest(GwCandidate candidate) {
    GwCandidate neutral = GwCandidate.newBuilder(candidate)
        .setVersion(0)
        .setProvenance(new GwProvenance("", SourceFormat.SIMULATED, null, null))
        .build();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(ENCODER.serialize(null, neutral)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
