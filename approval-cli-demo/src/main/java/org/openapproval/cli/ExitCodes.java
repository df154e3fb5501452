package org.openapproval.cli;

import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.DomainRuleException;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.spi.ProviderConfigurationException;
import org.openapproval.core.port.in.UnsupportedCapabilityException;
import picocli.CommandLine;

/** The documented exit codes, and which failure gets which. */
final class ExitCodes {
    static final int OK = 0;
    /** The domain refused (deciding a closed task, a wrong actor, …) or the thing asked for does not exist. */
    static final int REFUSED = 1;
    /** Bad arguments, configuration or request (unknown provider, missing keys, malformed ids, refused input). */
    static final int USAGE = 2;
    /** The vendor or the transport failed (authentication, outage, throttling, unreadable answers). */
    static final int VENDOR = 3;
    /** The provider cannot do this (as configured). */
    static final int UNSUPPORTED = 4;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof UnsupportedCapabilityException) {
            return UNSUPPORTED;
        }
        if (e instanceof ProviderConfigurationException || e instanceof IllegalArgumentException
                || e instanceof CommandLine.ParameterException
                || (e instanceof InvalidRequestException r && r.vendorCode().isEmpty())) {
            // an invalid request the provider refused before calling the vendor is a usage error; one the
            // vendor refused (it carries the vendor's code) is a vendor error
            return USAGE;
        }
        if (e instanceof DomainRuleException || e instanceof NotFoundException || e instanceof NothingFoundException) {
            return REFUSED;
        }
        return VENDOR;
    }

    /** Raised by a command when what it was asked to show does not exist. */
    static final class NothingFoundException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NothingFoundException(String message) {
            super(message);
        }
    }
}
