/**
 * The vendor-neutral approval domain: the {@link org.openapproval.core.domain.ApprovalProcess} aggregate,
 * its steps, tasks and decisions, the value objects that identify them, and the exceptions every part of
 * the library throws ({@link org.openapproval.core.domain.ApprovalException} and its subclasses).
 *
 * <p>A flow is a list of steps in numbered stages: the steps of one stage run side by side, a stage starts
 * once every step of the one before has been approved. A task ends with a {@link
 * org.openapproval.core.domain.TaskOutcome} (a decision, or another kind of completion) completed by an
 * {@link org.openapproval.core.domain.Actor} (a person or the system). Times a vendor does not give stay
 * empty rather than invented.
 *
 * <p>Depends on {@code java.*} only (an architecture test keeps it so), which is why it can be unit
 * tested, and used by people testing their own approval logic, without any port or provider.
 */
package org.openapproval.core.domain;
