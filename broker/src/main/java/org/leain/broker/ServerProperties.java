package org.leain.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server.properties of a one-node combined (broker + controller) KRaft broker.
 *
 * <p>Three listeners on 127.0.0.1: CLIENT (the one clients use, with the chosen security),
 * INTERNAL (PLAINTEXT, inter-broker traffic and the launcher's readiness probe) and CONTROLLER
 * (PLAINTEXT, the KRaft quorum). The quorum is static ({@code controller.quorum.voters}), not
 * dynamic: a dynamic quorum records the controller's endpoint in the metadata log at format time,
 * which would go stale when a kept data directory is restarted on a different free port.
 */
final class ServerProperties {

  /** 8 MiB records: real skymaps are ~1.4 MB and GCN allows 4 MiB; headroom for the envelope. */
  static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

  static final String CLIENT_LISTENER = "CLIENT";
  static final String INTERNAL_LISTENER = "INTERNAL";
  static final String CONTROLLER_LISTENER = "CONTROLLER";
  static final int NODE_ID = 1;

  private ServerProperties() {}

  /** The properties, in a readable order. */
  static Map<String, String> of(
      int clientPort, int internalPort, int controllerPort, Path logDir, ListenerSecurity security) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    p.put("listeners", CLIENT_LISTENER + "://127.0.0.1:" + clientPort
        + "," + INTERNAL_LISTENER + "://127.0.0.1:" + internalPort
        + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", CLIENT_LISTENER + "://127.0.0.1:" + clientPort
        + "," + INTERNAL_LISTENER + "://127.0.0.1:" + internalPort);
    p.put("listener.security.protocol.map", CLIENT_LISTENER + ":" + security.protocol()
        + "," + INTERNAL_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("inter.broker.listener.name", INTERNAL_LISTENER);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("log.dirs", logDir.toAbsolutePath().toString());

    // One node: every internal topic has exactly one replica. Without the transaction-log
    // settings, exactly-once applications stay REBALANCING silently.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "4");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "4");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");

    // Large records (skymaps), on the broker and for the (unused, one-node) replica fetcher.
    p.put("message.max.bytes", Integer.toString(MAX_RECORD_BYTES));
    p.put("replica.fetch.max.bytes", Integer.toString(MAX_RECORD_BYTES));
    p.put("socket.request.max.bytes", Integer.toString(4 * MAX_RECORD_BYTES));

    // Small footprint for a development broker on a shared 2-core machine.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "4");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("log.retention.check.interval.ms", "60000");

    String listenerPrefix = "listener.name." + CLIENT_LISTENER.toLowerCase() + ".";
    p.putAll(security.brokerProperties(listenerPrefix));
    return p;
  }
}
