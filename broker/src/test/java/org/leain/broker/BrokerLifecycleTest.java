package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and restarting brokers: what is left behind, and what is kept. */
class BrokerLifecycleTest {

  @Test
  void twoBrokersAtOnce_runApart_closeLeavesNoProcess_andOnlyAKeptDirectorySurvivesARestart(@TempDir Path keptDir)
      throws Exception {
    // Started concurrently: port selection and startup must not interfere.
    CompletableFuture<EmbeddedBroker> keptStart =
        CompletableFuture.supplyAsync(() -> EmbeddedBroker.start(BrokerOptions.forTests().withDataDir(keptDir)));
    EmbeddedBroker temporary = EmbeddedBroker.start(BrokerOptions.forTests());
    EmbeddedBroker kept = keptStart.join();
    try {
      assertNotEquals(temporary.bootstrapServers(), kept.bootstrapServers());
      for (EmbeddedBroker broker : List.of(temporary, kept)) {
        broker.createTopics(List.of(TopicSpec.of("own", 1)));
        produce(broker, "own", broker.bootstrapServers());
      }
      for (EmbeddedBroker broker : List.of(temporary, kept)) {
        assertEquals(List.of(broker.bootstrapServers()), values(broker, "own", 1));
      }
    } finally {
      long closeStart = System.nanoTime();
      temporary.close();
      Duration closeDuration = Duration.ofNanos(System.nanoTime() - closeStart);
      kept.close();
      kept.close(); // idempotent
      assertTrue(closeDuration.compareTo(Duration.ofSeconds(5)) < 0, "close took " + closeDuration);
    }
    for (EmbeddedBroker broker : List.of(temporary, kept)) {
      assertFalse(broker.processHandle().isAlive(), "child JVM still alive: " + broker);
    }
    assertFalse(Files.exists(temporary.dataDir()), "temporary data directory left: " + temporary.dataDir());
    assertTrue(Files.isRegularFile(keptDir.resolve("kafka-logs").resolve("meta.properties")));

    try (EmbeddedBroker restarted = EmbeddedBroker.start(BrokerOptions.forTests().withDataDir(keptDir))) {
      assertEquals(List.of(), restarted.createTopics(List.of(TopicSpec.of("own", 1))));
      assertEquals(List.of(kept.bootstrapServers()), values(restarted, "own", 1));
    }
  }

  @Test
  void aPortInUse_failsTheStart_withTheBrokerLogInTheMessage() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      BrokerOptions options = BrokerOptions.forTests().withPort(taken.getLocalPort());
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> EmbeddedBroker.start(options));
      assertTrue(e.getMessage().contains("First error lines of"), e.getMessage());
      assertTrue(e.getMessage().contains("Address already in use"), e.getMessage());
    }
  }

  @Test
  void theBrokerChild_exitsWhenItsParentJvmIsKilled() throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        KilledParent.class.getName());
    Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
    ProcessHandle child;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      long childPid = -1;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(KilledParent.CHILD_PID_PREFIX)) {
          childPid = Long.parseLong(line.substring(KilledParent.CHILD_PID_PREFIX.length()));
          break;
        }
      }
      assertNotEquals(-1, childPid, "the parent JVM never reported a broker pid");
      child = ProcessHandle.of(childPid).orElseThrow();
      assertTrue(child.isAlive());

      parent.destroyForcibly(); // SIGKILL: no shutdown hook runs in the parent
      assertTrue(parent.waitFor(10, TimeUnit.SECONDS));
      child.onExit().get(15, TimeUnit.SECONDS);
    } finally {
      parent.destroyForcibly();
    }
    assertFalse(child.isAlive());
  }

  private static List<String> values(EmbeddedBroker broker, String topic, int expected) {
    return EmbeddedBrokerTest.consumeAll(broker, topic, "read_uncommitted", expected).stream()
        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
        .toList();
  }

  private static void produce(EmbeddedBroker broker, String topic, String value) throws Exception {
    Map<String, Object> config = broker.clientProperties();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8))).get();
    }
  }

  /** A JVM that starts a broker, reports the broker's pid, and waits to be killed. */
  static final class KilledParent {
    static final String CHILD_PID_PREFIX = "broker-pid=";

    public static void main(String[] args) throws Exception {
      EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests());
      System.out.println(CHILD_PID_PREFIX + broker.processHandle().pid());
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
