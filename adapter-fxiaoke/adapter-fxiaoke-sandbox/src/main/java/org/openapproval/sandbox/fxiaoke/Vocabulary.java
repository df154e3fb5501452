package org.openapproval.sandbox.fxiaoke;

import java.util.Arrays;
import java.util.Optional;

/** The vendor's enum words (fact sheet §3.2), each with its exact wire spelling. */
final class Vocabulary {
    private Vocabulary() {
    }

    /** Approval instance {@code state} [primary D3, D-list]. The sandbox never produces {@link #ERROR}. */
    enum InstanceState {
        IN_PROGRESS("in_progress"),
        PASS("pass"),
        REJECT("reject"),
        CANCEL("cancel"),
        ERROR("error");

        final String wire;

        InstanceState(String wire) {
            this.wire = wire;
        }

        static Optional<InstanceState> fromWire(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
        }
    }

    /**
     * Approval task {@code state} [primary D-inst]. The sandbox produces in_progress, pass, reject, cancel
     * and go_back only: {@link #AUTO_PASS}, {@link #AUTO_GO_BACK}, {@link #SCHEDULE} and {@link #ERROR}
     * come from vendor automation (auto-approval rules, timers, failures) it does not simulate.
     */
    enum TaskState {
        IN_PROGRESS("in_progress"),
        PASS("pass"),
        AUTO_PASS("auto_pass"),
        REJECT("reject"),
        CANCEL("cancel"),
        GO_BACK("go_back"),
        AUTO_GO_BACK("auto_go_back"),
        SCHEDULE("schedule"),
        ERROR("error");

        final String wire;

        TaskState(String wire) {
            this.wire = wire;
        }
    }

    /** Task {@code type} [primary D-inst]: one approver, first approval wins (或签), all must approve (会签). */
    enum TaskType {
        SINGLE("single"),
        ONE_PASS("one_pass"),
        ALL_PASS("all_pass");

        final String wire;

        TaskType(String wire) {
            this.wire = wire;
        }
    }

    /** {@code actionType} of an opinion / of {@code approvalTask/action} [primary D1]. */
    enum Action {
        AGREE("agree"),
        REJECT("reject");

        final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        static Optional<Action> fromWire(String wire) {
            return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
        }
    }
}
