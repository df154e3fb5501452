package org.openapproval.cli;

import java.util.Optional;
import org.openapproval.core.port.in.ApprovalService;
import org.openapproval.sandbox.kit.ProviderSandbox;
import org.openapproval.sandbox.kit.SeededProcess;

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
