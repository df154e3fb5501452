package org.openapproval.adapter.nocoly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.http2client.Http2Client;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import feign.slf4j.Slf4jLogger;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import org.openapproval.adapter.nocoly.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.nocoly.client.HapAppKeyInterceptor;
import org.openapproval.adapter.nocoly.client.HttpStatusErrorDecoder;
import org.openapproval.adapter.nocoly.client.NocolyHookApi;
import org.openapproval.adapter.nocoly.client.NocolyOrgBatchApi;
import org.openapproval.adapter.nocoly.client.NocolyOrgTodoApi;
import org.openapproval.adapter.nocoly.client.NocolyRetryer;
import org.openapproval.adapter.nocoly.client.NocolyV3Api;
import org.openapproval.adapter.nocoly.client.OrgSignatureInterceptor;
import org.openapproval.adapter.nocoly.dto.HapObjectMapper;

/** Wires one provider instance: one HTTP client, one JSON mapper, a Feign client per API and retry policy. */
final class NocolyModule extends AbstractModule {
    private final NocolySettings settings;
    private final Clock clock;

    NocolyModule(NocolySettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void configure() {
        bind(NocolySettings.class).toInstance(settings);
        bind(NocolyProcessReader.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ObjectMapper json() {
        return HapObjectMapper.create();
    }

    /** One pooled JDK client per provider instance; HTTP/1.1 on plain http (no h2c upgrade dance). */
    @Provides
    @Singleton
    HttpClient httpClient() {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if ("http".equalsIgnoreCase(settings.endpoint().getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        return b.build();
    }

    @Provides
    @Singleton
    NocolyV3Api v3Api(HttpClient http, ObjectMapper json) {
        return feign(http, json, appKey(), reads()).target(NocolyV3Api.class, settings.endpoint().toString());
    }

    @Provides
    @Singleton
    NocolyHookApi hookApi(HttpClient http, ObjectMapper json) {
        return feign(http, json, appKey(), NocolyRetryer.forWrites()).target(NocolyHookApi.class,
                settings.endpoint().toString());
    }

    /** Bound only when the organization key is configured; the provider asks for it only then. */
    @Provides
    @Singleton
    NocolyOrgBatchApi orgBatchApi(HttpClient http, ObjectMapper json) {
        NocolySettings.Organization org = settings.organization().orElseThrow();
        return feign(http, json, orgSignature(org), NocolyRetryer.forWrites()).logLevel(Logger.Level.NONE)
                .target(NocolyOrgBatchApi.class, base(org.endpoint()));
    }

    @Provides
    @Singleton
    NocolyOrgTodoApi orgTodoApi(HttpClient http, ObjectMapper json) {
        NocolySettings.Organization org = settings.organization().orElseThrow();
        return feign(http, json, orgSignature(org), reads()).logLevel(Logger.Level.NONE)
                .target(NocolyOrgTodoApi.class, base(org.endpoint()));
    }

    private static String base(URI uri) {
        return uri.toString();
    }

    private RequestInterceptor appKey() {
        return new HapAppKeyInterceptor(settings.appKey(), settings.sign());
    }

    private RequestInterceptor orgSignature(NocolySettings.Organization org) {
        return new OrgSignatureInterceptor(org.appKey(), org.secretKey(), clock);
    }

    private Retryer reads() {
        return NocolyRetryer.forReads(settings.retryMaxAttempts(), settings.retryInitialBackoff(),
                settings.retryMaxBackoff());
    }

    private Feign.Builder feign(HttpClient http, ObjectMapper json, RequestInterceptor auth, Retryer retryer) {
        return Feign.builder()
                .client(new Http2Client(http))
                .encoder(new JacksonEncoder(json))
                .decoder(new EnvelopeCheckingDecoder(new JacksonDecoder(json)))
                .errorDecoder(new HttpStatusErrorDecoder(json))
                .retryer(retryer)
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                // BASIC logs method, URL and status, never headers (HAP-Sign) or bodies. The organization
                // clients switch logging off: their URLs carry a replayable signature and the acting account.
                .logger(new Slf4jLogger(NocolyApprovalProvider.class))
                .logLevel(Logger.Level.BASIC)
                .requestInterceptor(auth);
    }
}
