package org.openapproval.core.port.in;

/**
 * The parts of a {@link StartCommand} a provider's start can honour. A provider declares the ones it
 * honours in its descriptor; the service refuses a command that uses any other before sending anything,
 * unless the command {@linkplain StartCommand.Builder#allowIgnoredInputs() allows} them to be ignored.
 */
public enum StartInput {
    /** {@link StartCommand#record()}: the business record the new process runs on. */
    RECORD,
    /** {@link StartCommand#initiator()}: the user recorded as having started the process. */
    INITIATOR,
    /** {@link StartCommand#inputs()}: values for the definition's input parameters. */
    INPUTS
}
