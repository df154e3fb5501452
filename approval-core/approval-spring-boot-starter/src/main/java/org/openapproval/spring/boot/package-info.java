/**
 * Spring Boot auto-configuration for OpenApproval: one {@link org.openapproval.core.port.in.ApprovalService}
 * bean, its health indicator and its Micrometer observer.
 */
package org.openapproval.spring.boot;
