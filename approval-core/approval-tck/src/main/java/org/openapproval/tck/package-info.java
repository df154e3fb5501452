/**
 * The provider contract tests (TCK), an ordinary jar for plugin authors (test scope). Subclass
 * {@link org.openapproval.tck.ApprovalProviderContract} and start your sandbox; the contract seeds
 * vendor-side state through that {@link org.openapproval.sandbox.kit.ProviderSandbox} and checks discovery, configuration, every
 * read, every decision and its read-back effect, cancel, start, unsupported capabilities, input
 * validation before I/O, and reconciliation of writes whose answer was lost.
 */
package org.openapproval.tck;
