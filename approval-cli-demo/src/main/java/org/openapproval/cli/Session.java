package org.openapproval.cli;

import java.util.Optional;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.core.spi.ProviderSandbox;
import org.openapproval.core.spi.SeededProcess;

/** A connected service, and the sandbox behind it when there is one; closing closes both. */
record Session(ApprovalService service, Optional<ProviderSandbox> sandbox, Optional<SeededProcess> sample)
        implements AutoCloseable {
    @Override
    public void close() {
        try {
            service.close();
        } finally {
            sandbox.ifPresent(ProviderSandbox::close);
        }
    }
}
