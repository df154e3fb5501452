package org.openapproval.adapter.nocoly.cluster;

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
import java.util.List;
import javax.cache.CacheManager;

/**
 * An embedded Hazelcast member for tests: bound to 127.0.0.1, multicast and auto-detection off, TCP-IP join on
 * loopback ports, no phone-home, short shutdown. Its JCache cache manager is the one an application would get.
 */
public final class LoopbackMember {
    private LoopbackMember() {
    }

    /** Free loopback ports (closed again at once; members bind them right after). */
    public static List<Integer> freePorts(int count) {
        try {
            ServerSocket[] sockets = new ServerSocket[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            }
            List<Integer> ports = java.util.Arrays.stream(sockets).map(ServerSocket::getLocalPort).toList();
            for (ServerSocket s : sockets) {
                s.close();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HazelcastInstance start(String clusterName, String instanceName, int port, List<Integer> members) {
        Config config = new Config().setClusterName(clusterName).setInstanceName(instanceName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.graceful.shutdown.max.wait", "5");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        members.forEach(p -> join.getTcpIpConfig().addMember("127.0.0.1:" + p));
        return Hazelcast.newHazelcastInstance(config);
    }

    /**
     * The member's JCache cache manager at the default URI. Hazelcast scopes cache names by the manager's URI,
     * so every node must use the same one; in one test JVM that takes a caching provider per member.
     */
    public static CacheManager cacheManager(HazelcastInstance member) {
        return new HazelcastServerCachingProvider(member).getCacheManager();
    }
}
