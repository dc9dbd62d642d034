package org.leain.stream.query;

import java.util.Optional;

/**
 * Which instance holds a key, when it is another one: {@code host:port} of its HTTP endpoint (Kafka
 * Streams' {@code application.server}), or empty when this instance holds it or routing is off.
 */
@FunctionalInterface
public interface KeyRouter {
  /** No routing: every key is answered locally (one instance, or no application.server). */
  KeyRouter LOCAL = (store, key) -> Optional.empty();

  Optional<String> ownerOf(String storeName, String key);
}
