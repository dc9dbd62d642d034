package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** SASL/SCRAM-SHA-512 on the client listener, with the user created at format time. */
class ScramListenerTest {

  @Test
  void theFormattedUser_canCreateTopics_andAWrongPasswordIsRefused() throws Exception {
    ListenerSecurity scram = new ListenerSecurity.Scram("leain", "s3cret-for-tests", null);
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests().withSecurity(scram))) {
      assertEquals(List.of(TopicSpec.of("secured", 2)), broker.createTopics(List.of(TopicSpec.of("secured", 2))));

      Map<String, Object> wrong = broker.clientProperties();
      wrong.putAll(new ListenerSecurity.Scram("leain", "wrong-password", null).clientProperties());
      try (Admin admin = Admin.create(wrong)) {
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
        assertInstanceOf(SaslAuthenticationException.class, e.getCause());
      }
    }
  }
}
