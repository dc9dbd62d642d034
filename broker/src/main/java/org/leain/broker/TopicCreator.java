package org.leain.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics idempotently: a topic that already exists is accepted if its partition count is
 * the one asked for, whoever created it (another instance racing at startup, an operator, an
 * earlier run). A different partition count is an error, because keyed joins depend on
 * co-partitioning and Kafka cannot shrink a topic. Configs of an existing topic are left as they
 * are: an operator may have tuned them on purpose.
 */
public final class TopicCreator {

  private TopicCreator() {}

  /**
   * Ensures every topic exists with its partition count.
   *
   * @return the specs of the topics this call created (the others existed already)
   * @throws IllegalStateException if an existing topic has another partition count, or a request
   *     fails or times out
   */
  public static List<TopicSpec> ensure(Admin admin, Collection<TopicSpec> topics, Duration timeout) {
    Map<String, TopicSpec> byName = new LinkedHashMap<>();
    for (TopicSpec topic : topics) {
      TopicSpec previous = byName.put(topic.name(), topic);
      if (previous != null && !previous.equals(topic)) {
        throw new IllegalArgumentException(
            "Expected one spec per topic name. Actual: two different specs for " + topic.name());
      }
    }
    List<NewTopic> requests = new ArrayList<>();
    for (TopicSpec topic : byName.values()) {
      requests.add(new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.empty())
          .configs(topic.configs()));
    }
    Map<String, KafkaFuture<Void>> results = admin.createTopics(requests).values();

    List<TopicSpec> created = new ArrayList<>();
    List<String> existing = new ArrayList<>();
    for (TopicSpec topic : byName.values()) {
      try {
        await(results.get(topic.name()), timeout);
        created.add(topic);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TopicExistsException) {
          existing.add(topic.name());
        } else {
          throw new IllegalStateException("Could not create topic " + topic.name() + ": " + e.getCause(), e);
        }
      }
    }
    if (!existing.isEmpty()) {
      Map<String, TopicDescription> descriptions;
      try {
        descriptions = await(admin.describeTopics(existing).allTopicNames(), timeout);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Could not describe topics " + existing + ": " + e.getCause(), e);
      }
      for (String name : existing) {
        int expected = byName.get(name).partitions();
        int actual = descriptions.get(name).partitions().size();
        if (actual != expected) {
          throw new IllegalStateException(
              "Expected existing topic " + name + " to have " + expected + " partitions. Actual: " + actual);
        }
      }
    }
    return created;
  }

  private static <T> T await(KafkaFuture<T> future, Duration timeout) throws ExecutionException {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating topics", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Topic request not answered within " + timeout, e);
    }
  }
}
