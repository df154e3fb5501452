package org.openapproval.adapter.fxiaoke;

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
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openapproval.adapter.fxiaoke.client.AccessToken;
import org.openapproval.adapter.fxiaoke.client.BearerTokenInterceptor;
import org.openapproval.adapter.fxiaoke.client.CorpAccessTokenInterceptor;
import org.openapproval.adapter.fxiaoke.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.fxiaoke.client.FxiaokeFailures;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.client.FxiaokeRetryer;
import org.openapproval.adapter.fxiaoke.client.FxiaokeTokenApi;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.client.HttpStatusErrorDecoder;
import org.openapproval.adapter.fxiaoke.client.RequestTokens;
import org.openapproval.adapter.fxiaoke.client.ThirdTraceIdInterceptor;
import org.openapproval.adapter.fxiaoke.client.TokenCache;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenRequest;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenResponse;
import org.openapproval.adapter.fxiaoke.dto.FxiaokeObjectMapper;
import org.openapproval.adapter.fxiaoke.dto.TokenRequest;
import org.openapproval.adapter.fxiaoke.dto.TokenResponse;
import org.openapproval.core.domain.VendorProtocolException;

/** Wires one provider instance: one HTTP client, one JSON mapper, one token cache, three Feign clients. */
final class FxiaokeModule extends AbstractModule {
    private final FxiaokeSettings settings;
    private final Clock clock;
    private final Supplier<UUID> traceIds;

    FxiaokeModule(FxiaokeSettings settings, Clock clock, Supplier<UUID> traceIds) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
    }

    @Override
    protected void configure() {
        bind(FxiaokeSettings.class).toInstance(settings);
        bind(FxiaokeProcessReader.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    ObjectMapper json() {
        return FxiaokeObjectMapper.create();
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
    FxiaokeTokenApi tokenApi(HttpClient http, ObjectMapper json) {
        // Token calls are reads: retrying a refused or throttled token request is harmless.
        return feign(http, json, null, request -> "", List.of(), FxiaokeRetryer.forReads(
                settings.retryMaxAttempts(), settings.retryInitialBackoff(), settings.retryMaxBackoff()))
                .target(FxiaokeTokenApi.class, settings.endpoint().toString());
    }

    /**
     * One token cache per endpoint, app and enterprise in this JVM: Fxiaoke allows ten token calls a minute
     * and none concurrently, so provider instances with the same credentials share their token.
     */
    @Provides
    @Singleton
    TokenCache tokens(FxiaokeTokenApi api) {
        Supplier<AccessToken> fetch = settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? () -> legacyToken(api) : () -> clientCredentialsToken(api);
        return SHARED_TOKENS.computeIfAbsent(tokenKey(), k -> new TokenCache(fetch, clock));
    }

    private static final java.util.Map<String, TokenCache> SHARED_TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Identifies the credentials without keeping the secrets themselves in the key. */
    private String tokenKey() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest((settings.authMode() + "\n"
                    + settings.endpoint() + "\n" + settings.appId() + "\n" + settings.appSecret() + "\n"
                    + settings.permanentCode()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private AccessToken clientCredentialsToken(FxiaokeTokenApi api) {
        TokenResponse r = FxiaokeFailures.call(() -> api.token(TokenRequest.appSecret(settings.appId(),
                settings.appSecret(), settings.permanentCode())));
        return issued(r.accessToken(), r.ea(), r.expiresIn(), "accessToken/ea");
    }

    private AccessToken legacyToken(FxiaokeTokenApi api) {
        CorpAccessTokenResponse r = FxiaokeFailures.call(() -> api.corpAccessToken(new CorpAccessTokenRequest(
                settings.appId(), settings.appSecret(), settings.permanentCode())));
        return issued(r.corpAccessToken(), r.corpId(), r.expiresIn(), "corpAccessToken/corpId");
    }

    private AccessToken issued(String value, String account, Long expiresIn, String fields) {
        if (value == null || value.isBlank() || account == null || account.isBlank() || expiresIn == null
                || expiresIn <= 0) {
            throw new VendorProtocolException("Fxiaoke's token answer lacks " + fields + " or expiresIn",
                    FxiaokeFailures.context(), null);
        }
        Instant now = clock.instant();
        return new AccessToken(value, account, now, now.plusSeconds(expiresIn));
    }

    @Provides
    @Singleton
    RequestInterceptor authInterceptor(TokenCache tokens, ObjectMapper json) {
        return settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? new CorpAccessTokenInterceptor(tokens, json) : new BearerTokenInterceptor(tokens);
    }

    @Provides
    @Singleton
    FxiaokeReadApi readApi(HttpClient http, ObjectMapper json, TokenCache tokens, RequestInterceptor auth) {
        return feign(http, json, tokens, tokenOfRequest(json), List.of(auth), FxiaokeRetryer.forReads(
                settings.retryMaxAttempts(), settings.retryInitialBackoff(), settings.retryMaxBackoff()))
                .target(FxiaokeReadApi.class, settings.endpoint().toString());
    }

    @Provides
    @Singleton
    FxiaokeWriteApi writeApi(HttpClient http, ObjectMapper json, TokenCache tokens, RequestInterceptor auth) {
        return feign(http, json, tokens, tokenOfRequest(json), List.of(auth), FxiaokeRetryer.forWrites())
                .target(FxiaokeWriteApi.class, settings.endpoint().toString());
    }

    private Function<Request, String> tokenOfRequest(ObjectMapper json) {
        return settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? request -> RequestTokens.corpAccessToken(request, json)
                : RequestTokens::bearer;
    }

    private Feign.Builder feign(HttpClient http, ObjectMapper json, TokenCache tokens,
                                Function<Request, String> tokenOfRequest, List<RequestInterceptor> auth,
                                Retryer retryer) {
        Feign.Builder b = Feign.builder()
                .client(new Http2Client(http))
                .encoder(new JacksonEncoder(json))
                .decoder(new EnvelopeCheckingDecoder(new JacksonDecoder(json), tokens, tokenOfRequest))
                .errorDecoder(new HttpStatusErrorDecoder())
                .retryer(retryer)
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                // BASIC logs method, URL, status and time: never headers or bodies, which carry tokens and secrets.
                .logger(new Slf4jLogger(FxiaokeApprovalProvider.class))
                .logLevel(Logger.Level.BASIC)
                .requestInterceptor(new ThirdTraceIdInterceptor(traceIds));
        auth.forEach(b::requestInterceptor);
        return b;
    }
}
