package org.openapproval.sandbox.nocoly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapproval.sandbox.nocoly.Router.Route;

/** Routing on its own, without a server: which endpoint a raw path names and what its parameters decode to. */
class RouterTest {
    @Test
    void anEncodedSlashStaysInsideItsSegment() {
        Route r = Router.route("GET", "/v3/app/workflow/ws/rows/a%2Fb/approval/inst");
        assertEquals(Endpoint.W5_APPROVAL, r.endpoint());
        assertEquals(List.of("ws", "a/b", "inst"), r.params());
    }

    @Test
    void aMalformedEscapeDecodesToNull() {
        Route r = Router.route("GET", "/v3/app/workflow/processes/%E0%A4");
        assertEquals(Endpoint.W2_PROCESS, r.endpoint());
        assertNull(r.params().get(0));
    }

    @Test
    void aWrongMethodNamesTheAllowedOnes() {
        Route list = Router.route("PUT", "/v3/app/workflow/ws/rows/row/approval/list");
        assertNull(list.endpoint());
        assertEquals("GET, POST", list.allow());
        assertEquals("POST", Router.route("GET", "/workflow/v1/instance/batch").allow());
    }

    @Test
    void unknownPathsHaveNoRoute() {
        assertNull(Router.route("GET", "/v3/app/workflow"));
        assertNull(Router.route("GET", "/workflow/v1/instance/other"));
        assertNull(Router.route("GET", "v3/app/workflow/processes"));
    }
}
