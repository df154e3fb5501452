/**
 * A minimal provider for plugin authors, and its sandbox, passing the whole provider contract.
 *
 * <ul>
 *   <li>{@link org.openapproval.tck.example.ExampleVendor}: the "vendor", an in-process fake with its own
 *       ids, status codes and rules, standing in for a remote API;</li>
 *   <li>{@link org.openapproval.tck.example.ExampleProvider}: the plugin's entry point (descriptor, config
 *       keys, which ports and capabilities it offers);</li>
 *   <li>{@link org.openapproval.tck.example.ExampleClient}: the connection: one method per vendor call,
 *       session renewal, vendor status codes to the library's exceptions;</li>
 *   <li>{@link org.openapproval.tck.example.ExamplePorts}: the driven ports, translating vendor records to
 *       the neutral model and back;</li>
 *   <li>{@link org.openapproval.tck.example.ExampleSandbox}: seeding, faults and request counting for the
 *       TCK, with {@link org.openapproval.tck.example.ExampleSandboxProvider} registering it;</li>
 *   <li>{@link org.openapproval.tck.example.ExampleProviderContractTest}: the TCK, in a few lines.</li>
 * </ul>
 *
 * Uses only the published jars ({@code approval-core}, {@code approval-sandbox-kit}, {@code approval-tck}).
 */
package org.openapproval.tck.example;
