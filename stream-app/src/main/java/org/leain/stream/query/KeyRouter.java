package org.leain.stream.query;

import java.util.List;

/**
 * Where the state for a query lives when several instances share the application (Kafka Streams'
 * {@code application.server} = {@code host:port} of each instance's HTTP endpoint).
 */
public interface KeyRouter {
  /** One instance: every key is here and there are no peers. */
  KeyRouter LOCAL = new KeyRouter() {
    @Override
    public Route routeOf(String storeName, String key) {
      return new Route.Local();
    }

    @Override
    public List<String> peers(String storeName) {
      return List.of();
    }
  };

  /** Where the active copy of {@code key} in {@code storeName} is now. */
  Route routeOf(String storeName, String key);

  /** {@code host:port} of every OTHER instance hosting part of {@code storeName}. */
  List<String> peers(String storeName);

  /** The answer of {@link #routeOf}. */
  sealed interface Route {
    /** This instance holds the key. */
    record Local() implements Route {}

    /** Another instance holds it; {@code hostPort} is its HTTP endpoint. */
    record Remote(String hostPort) implements Route {}

    /** Nobody can say now (rebalancing, or the store is not yet hosted anywhere). */
    record Unavailable() implements Route {}
  }
}
