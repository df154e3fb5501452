package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Guice;
import com.google.inject.Injector;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class VendorClientModuleTest {
    private Injector injector() {
        return Guice.createInjector(new VendorClientModule(URI.create("https://open.example.com"),
                Duration.ofSeconds(1), Duration.ofSeconds(2), "acme", VendorClientModuleTest.class));
    }

    @Test
    void oneMapperAndOneHttpClientPerInjectorClosedByWhoeverOwnsIt() {
        Injector one = injector();
        assertSame(one.getInstance(ObjectMapper.class), one.getInstance(ObjectMapper.class));
        assertSame(one.getInstance(FeignClients.class), one.getInstance(FeignClients.class));
        VendorHttpClient http = one.getInstance(VendorHttpClient.class);
        assertSame(http, one.getInstance(VendorHttpClient.class));
        VendorHttpClient other = injector().getInstance(VendorHttpClient.class);
        http.close();
        assertTrue(http.isClosed());
        assertFalse(other.isClosed(), "each service owns its own client");
        other.close();
    }
}
