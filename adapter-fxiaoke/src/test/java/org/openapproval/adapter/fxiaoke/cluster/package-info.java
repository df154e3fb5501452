/** Test support: embedded Hazelcast members on loopback, and a second JVM's node. */
package org.openapproval.adapter.fxiaoke.cluster;
