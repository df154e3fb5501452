/** Test support: embedded Hazelcast members on loopback. */
package org.openapproval.adapter.nocoly.cluster;
