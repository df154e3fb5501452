/**
 * The provider contract tests (TCK), an ordinary jar for plugin authors (test scope). Subclass
 * {@link org.openapproval.tck.ApprovalProviderContract} and return your provider; the contract
 * seeds vendor-side state through the provider's sandbox and checks discovery, configuration, every
 * read, every decision and its read-back effect, cancel, start, unsupported capabilities, input
 * validation before I/O, and reconciliation of writes whose answer was lost.
 */
package org.openapproval.tck;
