package org.openapproval.adapter.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.codec.Decoder;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Starts every Feign client of a provider instance the same way: one HTTP client, JSON in and out through
 * one mapper, the configured time-outs, no redirects, and SLF4J logging at BASIC. The adapter adds its
 * error decoder, retryer and interceptors.
 */
public final class FeignClients {
    private final Client client;
    private final ObjectMapper json;
    private final Request.Options options;
    private final Class<?> loggerName;
    private final Decoder decoder;

    /**
     * @param loggerName the class whose logger the calls are logged to, normally the provider
     */
    public FeignClients(Client client, ObjectMapper json, Duration connectTimeout, Duration readTimeout,
                        Class<?> loggerName) {
        this.client = Objects.requireNonNull(client, "client");
        this.json = Objects.requireNonNull(json, "json");
        this.options = new Request.Options(connectTimeout, readTimeout, false);
        this.loggerName = Objects.requireNonNull(loggerName, "loggerName");
        this.decoder = new JsonBytesDecoder(json); // shared by the builders: one reader per answer type
    }

    /**
     * A builder whose answers are decoded as JSON and then passed through {@code envelopeCheck}, the
     * vendor's check of business errors that arrive inside HTTP 200.
     */
    public Feign.Builder builder(UnaryOperator<Decoder> envelopeCheck) {
        return Feign.builder()
                .client(client)
                .encoder(new JacksonEncoder(json))
                .decoder(envelopeCheck.apply(decoder))
                .options(options)
                // BASIC logs method, URL, status and time: never headers or bodies, which carry tokens and secrets
                .logger(new Slf4jLogger(loggerName))
                .logLevel(Logger.Level.BASIC);
    }
}
