package org.leain.stream.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics that are missing; idempotent (existing topics are left as they are). */
public final class TopicCreator {
  private TopicCreator() {}

  /**
   * Creates every spec whose topic does not exist yet.
   *
   * @return the names created by this call
   */
  public static List<String> createMissing(Admin admin, List<LeainTopicSpec> specs)
      throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    for (LeainTopicSpec spec : specs) {
      if (!existing.contains(spec.name())) {
        missing.add(new NewTopic(spec.name(), Optional.of(spec.partitions()), spec.replicationFactor())
            .configs(spec.configs()));
      }
    }
    List<String> created = new ArrayList<>();
    for (var entry : admin.createTopics(missing).values().entrySet()) {
      try {
        entry.getValue().get();
        created.add(entry.getKey());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
    return created;
  }
}
