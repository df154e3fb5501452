/**
 * The vendor-neutral approval domain: the {@link org.openapproval.core.domain.ApprovalProcess} aggregate,
 * its steps, tasks and decisions, the value objects that identify them, and the exceptions every part of
 * the library throws ({@link org.openapproval.core.domain.ApprovalException} and its subclasses).
 *
 * <p>Depends on {@code java.*} only (an architecture test keeps it so), which is why it can be unit
 * tested, and used by people testing their own approval logic, without any port or provider.
 */
package org.openapproval.core.domain;
