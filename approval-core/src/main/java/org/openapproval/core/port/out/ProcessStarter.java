package org.openapproval.core.port.out;

import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;

/** Starts (triggers) a definition. Same no-retry rule as {@link DecisionWriter}. */
public interface ProcessStarter {
    StartReceipt start(StartCommand command);
}
