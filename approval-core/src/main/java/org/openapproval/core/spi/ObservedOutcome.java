package org.openapproval.core.spi;

import java.util.Locale;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.AuthenticationException;
import org.openapproval.core.domain.DomainRuleException;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.OutcomeUnknownException;
import org.openapproval.core.domain.PermissionDeniedException;
import org.openapproval.core.domain.QuotaExhaustedException;
import org.openapproval.core.domain.RateLimitedException;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.domain.VendorTimeoutException;
import org.openapproval.core.domain.VendorUnavailableException;
import org.openapproval.core.port.in.ServiceClosedException;
import org.openapproval.core.port.in.UnsupportedCapabilityException;

/** How an observed call ended: a fixed, small set, so it can be a metric tag. */
public enum ObservedOutcome {
    /** The call succeeded. */
    SUCCESS,
    /** A write whose response was lost, shown by reading back to have taken effect. */
    CONFIRMED_BY_READ_BACK,
    /** The domain or the vendor refused the request as invalid (no retry helps). */
    REFUSED,
    /** Something named by the request does not exist. */
    NOT_FOUND,
    /** The provider lacks the operation. */
    UNSUPPORTED,
    /** Credentials were refused. */
    AUTHENTICATION_FAILED,
    /** The acting user may not do this. */
    PERMISSION_DENIED,
    /** The vendor asked to slow down, or a quota is spent. */
    RATE_LIMITED,
    /** The vendor did not answer in time. */
    TIMEOUT,
    /** The vendor could not be reached or failed. */
    UNAVAILABLE,
    /** The vendor's answer could not be understood. */
    PROTOCOL_ERROR,
    /** A write failed in transit and whether it took effect is unknown. */
    OUTCOME_UNKNOWN,
    /** The service was closed. */
    CLOSED,
    /** Any other failure. */
    ERROR;

    /**
     * @param failure what a call threw
     * @return the outcome it stands for
     */
    public static ObservedOutcome of(Throwable failure) {
        if (failure instanceof DomainRuleException || failure instanceof InvalidRequestException
                || failure instanceof IllegalArgumentException) {
            return REFUSED;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof UnsupportedCapabilityException) {
            return UNSUPPORTED;
        }
        if (failure instanceof AuthenticationException) {
            return AUTHENTICATION_FAILED;
        }
        if (failure instanceof PermissionDeniedException) {
            return PERMISSION_DENIED;
        }
        if (failure instanceof RateLimitedException || failure instanceof QuotaExhaustedException) {
            return RATE_LIMITED;
        }
        if (failure instanceof VendorTimeoutException) {
            return TIMEOUT;
        }
        if (failure instanceof VendorUnavailableException) {
            return UNAVAILABLE;
        }
        if (failure instanceof VendorProtocolException) {
            return PROTOCOL_ERROR;
        }
        if (failure instanceof OutcomeUnknownException) {
            return OUTCOME_UNKNOWN;
        }
        if (failure instanceof ServiceClosedException) {
            return CLOSED;
        }
        return ERROR;
    }

    /**
     * @param failure what a call threw
     * @return the vendor's error code, when the failure carries one
     */
    public static java.util.Optional<String> vendorCodeOf(Throwable failure) {
        return failure instanceof ApprovalException ae ? ae.vendorCode() : java.util.Optional.empty();
    }

    /** @return the tag value: lower case, words joined by '-', e.g. {@code rate-limited} */
    public String tagValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
