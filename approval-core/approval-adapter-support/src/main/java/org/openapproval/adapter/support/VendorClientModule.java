package org.openapproval.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP plumbing of one service, for an adapter's Guice module to install: one {@link ObjectMapper}
 * ({@link VendorJson}), one {@link VendorHttpClient} and the {@link FeignClients} built on both, and the
 * service's {@link Scrubber}. The provider gets the {@link VendorHttpClient} from the injector to close it with
 * the service.
 */
public final class VendorClientModule extends AbstractModule {
    private final URI endpoint;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final String threadName;
    private final Class<?> loggerName;
    private final long maxResponseBytes;
    private final Scrubber scrubber;

    /**
     * @param threadName prefix of the HTTP client's threads, normally the provider id
     * @param loggerName the class whose logger the calls are logged to, normally the provider
     */
    public VendorClientModule(URI endpoint, Duration connectTimeout, Duration readTimeout, String threadName,
                              Class<?> loggerName) {
        this(endpoint, connectTimeout, readTimeout, threadName, loggerName, VendorHttpClient.DEFAULT_MAX_RESPONSE_BYTES,
                Scrubber.GENERIC);
    }

    /**
     * @param maxResponseBytes the most bytes of any answer read (the provider's {@code max-response-size})
     * @param scrubber         the filter for this service's vendor text, knowing its secrets
     */
    public VendorClientModule(URI endpoint, Duration connectTimeout, Duration readTimeout, String threadName,
                              Class<?> loggerName, long maxResponseBytes, Scrubber scrubber) {
        this.maxResponseBytes = maxResponseBytes;
        this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.loggerName = Objects.requireNonNull(loggerName, "loggerName");
    }

    @Provides
    @Singleton
    ObjectMapper json() {
        return VendorJson.create();
    }

    @Provides
    @Singleton
    VendorHttpClient http() {
        return VendorHttpClient.open(endpoint, connectTimeout, threadName, maxResponseBytes);
    }

    @Provides
    Scrubber scrubber() {
        return scrubber;
    }

    @Provides
    @Singleton
    FeignClients feign(VendorHttpClient http, ObjectMapper json) {
        return new FeignClients(http, json, connectTimeout, readTimeout, loggerName);
    }
}
