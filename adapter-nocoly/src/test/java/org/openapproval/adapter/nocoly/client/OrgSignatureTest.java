package org.openapproval.adapter.nocoly.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import feign.RequestTemplate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgSignatureTest {

    /** The worked example of the fact sheet (§1.3). */
    @Test
    void matchesTheWorkedExample() {
        assertEquals("YmZkZDFhMzYwNmI4YmI1ZDIxMDcyZTQxY2M4ZDRjNGU3MGQyMDFjNGFiYTBkYmE2NTdiOTZhZTY4ZjkyN2Q4Mw==",
                OrgSignature.sign("ak_demo", "sk_demo", 1700000000000L));
        assertNotEquals("v90aNga4u10hBy5BzI1MTnDSAcSroNumV7lq5o+SfYM=",
                OrgSignature.sign("ak_demo", "sk_demo", 1700000000000L), "not Base64 of the raw digest");
    }

    @Test
    void theInterceptorSignsEachAttemptWithTheCurrentTimestampOnce() {
        OrgSignatureInterceptor interceptor = new OrgSignatureInterceptor("ak_demo", "sk_demo",
                Clock.fixed(Instant.ofEpochMilli(1700000000000L), ZoneOffset.UTC));
        RequestTemplate template = new RequestTemplate();
        interceptor.apply(template);
        interceptor.apply(template); // a retry must not add a second set
        assertEquals(List.of("1700000000000"), List.copyOf(template.queries().get("timestamp")));
        assertEquals(List.of("ak_demo"), List.copyOf(template.queries().get("appKey")));
        assertEquals(1, template.queries().get("sign").size());
    }

    @Test
    void interceptorsNeverPrintTheirSecrets() {
        assertEquals(false, new OrgSignatureInterceptor("ak", "SECRET-1", Clock.systemUTC()).toString()
                .contains("SECRET-1"));
        assertEquals(false, new HapAppKeyInterceptor("ak", "SIGN-1").toString().contains("SIGN-1"));
    }
}
