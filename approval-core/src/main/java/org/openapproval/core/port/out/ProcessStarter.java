package org.openapproval.core.port.out;

import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;

/** Starts (triggers) a definition. Same no-retry rule as {@link DecisionWriter}. */
public interface ProcessStarter {
    /**
     * @param command what to start; the service has checked the inputs it could
     * @return the receipt
     */
    StartReceipt start(StartCommand command);
}
