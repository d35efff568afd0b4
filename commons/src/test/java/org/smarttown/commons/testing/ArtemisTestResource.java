package org.smarttown.commons.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real ActiveMQ Artemis broker speaking AMQP 1.0 on a free port, for @QuarkusTest. Pass
 * {@code queues} as comma-separated {@code address::queue} pairs to create durable subscriptions
 * before the application starts, as the deployed broker does, so nothing published early is lost.
 * Tests of broker outages call {@link #stopBroker()} and {@link #startBroker()}.
 */
public class ArtemisTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedActiveMQ broker;
    private static int port;
    private static String queues = "";

    @Override
    public void init(Map<String, String> initArgs) {
        queues = initArgs.getOrDefault("queues", "");
    }

    @Override
    public Map<String, String> start() {
        port = freePort();
        startBroker();
        return Map.of(
                "amqp-host", "127.0.0.1",
                "amqp-port", String.valueOf(port),
                "amqp-username", "smarttown",
                "amqp-password", "smarttown",
                // Reconnect quickly in tests that stop the broker.
                "mp.messaging.connector.smallrye-amqp.reconnect-interval", "1");
    }

    @Override
    public void stop() {
        stopBroker();
    }

    public static int port() {
        return port;
    }

    public static synchronized void startBroker() {
        if (broker != null) {
            return;
        }
        try {
            Configuration config = new ConfigurationImpl()
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJournalDirectory("target/artemis/journal")
                    .setBindingsDirectory("target/artemis/bindings")
                    .setLargeMessagesDirectory("target/artemis/large")
                    .setPagingDirectory("target/artemis/paging")
                    .addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP")
                    .addAddressSetting("#", new AddressSettings()
                            .setAutoCreateAddresses(true)
                            .setAutoCreateQueues(true)
                            .setDefaultAddressRoutingType(RoutingType.MULTICAST)
                            .setMaxDeliveryAttempts(5)
                            // Poison messages end in DLQ, as on the deployed broker, where tests can look.
                            .setDeadLetterAddress(SimpleString.of("DLQ"))
                            .setAutoCreateDeadLetterResources(true));
            for (String pair : queues.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                String[] parts = pair.trim().split("::");
                config.addQueueConfiguration(QueueConfiguration.of(parts[1]).setAddress(parts[0])
                        .setRoutingType(RoutingType.MULTICAST).setDurable(true));
            }
            EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
            embedded.setConfiguration(config);
            embedded.start();
            broker = embedded;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Artemis broker", e);
        }
    }

    public static synchronized void stopBroker() {
        if (broker == null) {
            return;
        }
        try {
            broker.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the embedded Artemis broker", e);
        } finally {
            broker = null;
        }
    }

    /** How many messages wait in a queue right now; -1 when the queue does not exist. */
    public static long messageCount(String queue) {
        var binding = broker.getActiveMQServer().locateQueue(queue);
        return binding == null ? -1 : binding.getMessageCount();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
