package org.openapproval.sharedstate.jcache;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;
import javax.cache.CacheManager;

/**
 * One embedded Hazelcast member for tests: its own cluster name, bound to 127.0.0.1 on a free port, multicast
 * and auto-detection off, nobody to join, no phone-home.
 */
final class OneMember {
    private OneMember() {
    }

    static HazelcastInstance start() {
        String cluster = "jcache-unit-" + UUID.randomUUID();
        Config config = new Config().setClusterName(cluster).setInstanceName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig().setPort(freePort()).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return Hazelcast.newHazelcastInstance(config);
    }

    /** The member's own JCache cache manager (Hazelcast's default caching provider would be a client's). */
    static CacheManager cacheManager(HazelcastInstance member) {
        return new HazelcastServerCachingProvider(member).getCacheManager();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
