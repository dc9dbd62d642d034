package org.leain.stream.query;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Finds a read-only key-value store by name (null or an exception when it is not queryable now). */
@FunctionalInterface
public interface StoreAccess {
  <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);
}
