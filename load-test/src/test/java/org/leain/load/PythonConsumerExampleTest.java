package org.leain.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.broker.TopicSpec;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.Modality;
import org.leain.contracts.wire.AvroCodec;

/**
 * examples/python/consume_posteriors.py (Debian's python3-confluent-kafka and python3-avro) reads
 * posteriors written by Java's AvroCodec from a real broker and prints their medians and 90%
 * intervals; its lines are compared with the values put into the records.
 */
class PythonConsumerExampleTest {

  private static final String PYTHON = "/usr/bin/python3";

  @Test
  void pythonExample_printsIdsMediansIntervalsAndModalities_ofEveryPosterior() throws Exception {
    requirePythonClients();
    Path root = RepositoryRoot.find();
    record Expected(String superevent, String spectrum, double[] z, double[] mbh, List<Modality> modalities) {}
    List<Expected> inputs = List.of(
        new Expected("MS240101a", "uncover-45924", new double[] {4.5, 4.25, 4.875},
            new double[] {7.125, 6.5, 7.75}, List.of(Modality.SED, Modality.STRAIN)),
        new Expected("MS240101a", "jades-1", new double[] {9.0, 7.5, 11.0},
            new double[] {5.0, 4.25, 6.0}, List.of(Modality.SED)),
        new Expected("MS240102b", "ceers-7", new double[] {3.5, 3.125, 4.0},
            new double[] {8.5, 8.0, 8.875}, List.of(Modality.STRAIN)));
    List<String> expectedLines = new ArrayList<>();
    AvroCodec<DcbhPosterior> codec = AvroCodec.of(DcbhPosterior.class);
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.defaults())) {
      broker.createTopics(List.of(TopicSpec.of("leain.posteriors", 1)));
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(broker.clientProperties(),
          new StringSerializer(), new ByteArraySerializer())) {
        for (Expected e : inputs) {
          DcbhPosterior posterior = ExamplePosteriors.of(e.superevent(), e.spectrum(), e.z(), e.mbh(),
              e.modalities(), ExamplePosteriors.timingsAt(1_700_000_000_000L));
          producer.send(new ProducerRecord<>("leain.posteriors", posterior.getAssociationId(),
              codec.encode(posterior))).get();
          expectedLines.add(String.format(Locale.ROOT, "%s|%s  z=%.3f [%.3f, %.3f]  log10_mbh=%.3f [%.3f, %.3f]  "
              + "modalities=%s", e.superevent(), e.spectrum(), e.z()[0], e.z()[1], e.z()[2], e.mbh()[0],
              e.mbh()[1], e.mbh()[2], String.join("+", e.modalities().stream().map(Enum::name).toList())));
        }
        producer.send(new ProducerRecord<>("leain.posteriors", "MS240101a|jades-1", null)).get();
        expectedLines.add("withdrawn MS240101a|jades-1");
      }
      Process python = new ProcessBuilder(PYTHON, root.resolve("examples/python/consume_posteriors.py").toString(),
          "--bootstrap-servers", broker.bootstrapServers(), "--schemas", root.resolve("schemas").toString(),
          "--from-beginning", "--max-messages", "4", "--timeout", "60")
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(python.waitFor(90, TimeUnit.SECONDS), "the example finishes");
      assertEquals(0, python.exitValue(), out);
      assertEquals(expectedLines, out.lines().toList());
    }
  }

  /** Fails in CI (CI=true) when the Debian clients are missing; skips elsewhere. */
  private static void requirePythonClients() throws IOException, InterruptedException {
    boolean available = Files.isExecutable(Path.of(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import confluent_kafka, avro").start().waitFor() == 0;
    if (!available && "true".equals(System.getenv("CI"))) {
      fail("Expected python3-confluent-kafka and python3-avro under " + PYTHON + " in CI. Actual: not importable");
    }
    assumeTrue(available, "install the Debian packages python3-confluent-kafka and python3-avro");
  }

}
