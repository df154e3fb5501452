package org.openapproval.sandbox.kit;

import org.openapproval.sandbox.kit.LoopbackHttpServer.Delivery;
import org.openapproval.sandbox.kit.LoopbackHttpServer.Reply;

/** How a sandbox sends an answer under the fault kinds that misbehave on the wire. */
public final class Hostile {
    private Hostile() {
    }

    /**
     * {@code reply} sent the way {@code fault} says: dripping, endless chunks, padded to a huge size, or not at
     * all (the connection closed); any other kind leaves it as is.
     */
    public static Reply deliver(Reply reply, Fault fault) {
        return switch (fault.kind()) {
            case DRIPPING_BODY -> reply.delivered(Delivery.DRIP, fault.latency());
            case ENDLESS_CHUNKED_BODY -> reply.delivered(Delivery.ENDLESS_CHUNKS, fault.latency());
            case HUGE_BODY -> reply.padded(Fault.Kind.HUGE_BODY_BYTES);
            case RESET_AFTER_APPLY -> reply.delivered(Delivery.RESET, fault.latency());
            default -> reply;
        };
    }
}
