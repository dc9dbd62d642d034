package org.leain.cli.feed;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./leain replay-lvk FILE... --bootstrap-servers HOST:PORT [--topic igwn.gwalert]}: publishes
 * LVK notices in the order given, byte for byte, keyed by superevent id (so one superevent's notices
 * stay in one partition, in order). Every file is parsed first; nothing is sent if one fails.
 * Exit codes: 0 sent, 1 a file did not parse or the broker failed, 2 usage error.
 */
@Command(name = "replay-lvk", mixinStandardHelpOptions = true,
    description = "Publish LVK alerts (JSON or Avro, as GCN/SCiMMA serve them) byte for byte, in order.")
public final class ReplayLvkCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "LVK notices (igwn.alerts.v1_0), sent in this order.")
  List<Path> files;

  @Mixin
  KafkaConnection connection;

  @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "igwn.gwalert",
      description = "Topic to publish to (default: ${DEFAULT-VALUE}).")
  String topic;

  @Override
  public Integer call() {
    List<LvkNoticeFiles.Notice> notices;
    try {
      notices = LvkNoticeFiles.readAll(files);
    } catch (IllegalArgumentException e) {
      System.err.println("leain replay-lvk: " + e.getMessage());
      return 1;
    }
    try (RecordSender sender = new RecordSender(connection.clientProperties())) {
      for (LvkNoticeFiles.Notice notice : notices) {
        RecordMetadata stored = sender.send(topic, notice.alert().supereventId(), notice.bytes());
        System.out.printf("%s  %s %s (%s, %d bytes) -> %s-%d@%d%n", notice.file().getFileName(),
            notice.alert().supereventId(), notice.alert().alertType(), notice.alert().format(),
            notice.bytes().length, stored.topic(), stored.partition(), stored.offset());
      }
    } catch (RuntimeException e) {
      System.err.println("leain replay-lvk: " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
