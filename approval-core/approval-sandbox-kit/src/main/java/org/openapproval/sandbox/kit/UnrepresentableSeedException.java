package org.openapproval.sandbox.kit;

/**
 * A sandbox cannot seed what it was asked to, because the vendor has no way to represent it (an approval
 * mode, a kind of step or parallel steps it lacks). The message names what and why. The TCK skips the
 * tests that need such a seed, with this message as the reason.
 */
public class UnrepresentableSeedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnrepresentableSeedException(String message) {
        super(message);
    }
}
