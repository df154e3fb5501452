package org.openapproval.sandbox.nocoly;

/** The simulated endpoints: their HTTP method, API family and whether they change state. */
enum Endpoint {
    W1_PROCESSES("GET", Family.V3, false),
    W2_PROCESS("GET", Family.V3, false),
    W3_HOOK("POST", Family.V3, true),
    W4_APPROVAL_LIST("POST", Family.V3, false),
    W5_APPROVAL("GET", Family.V3, false),
    ORG_BATCH("POST", Family.ORG, true),
    ORG_TODO_LIST("POST", Family.ORG, false);

    /** Which API family a path belongs to: its envelope and its credentials. */
    enum Family {
        V3,
        ORG
    }

    final String method;
    final Family family;
    /** In the scope of {@code Fault.Scope.WRITES}. */
    final boolean write;

    Endpoint(String method, Family family, boolean write) {
        this.method = method;
        this.family = family;
        this.write = write;
    }
}
