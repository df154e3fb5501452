package org.openapproval.adapter.fxiaoke;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import feign.Feign;
import feign.RequestInterceptor;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openapproval.adapter.fxiaoke.dto.FxiaokeEnvelope;
import org.openapproval.adapter.support.ObservedExchanges;
import org.openapproval.core.spi.ApprovalObserver;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openapproval.adapter.fxiaoke.client.BearerTokenInterceptor;
import org.openapproval.adapter.fxiaoke.client.CorpAccessTokenInterceptor;
import org.openapproval.adapter.fxiaoke.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.client.FxiaokeTokenApi;
import org.openapproval.adapter.fxiaoke.client.FxiaokeTokenFetcher;
import org.openapproval.adapter.fxiaoke.client.FxiaokeWriteApi;
import org.openapproval.adapter.fxiaoke.client.HttpStatusErrorDecoder;
import org.openapproval.adapter.fxiaoke.client.RequestTokens;
import org.openapproval.adapter.fxiaoke.client.ThirdTraceIdInterceptor;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeProcessMapper;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeProcessMapperImpl;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapper;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeRequestMapperImpl;
import org.openapproval.adapter.support.FeignClients;
import org.openapproval.adapter.support.LimitSignalsDecoder;
import org.openapproval.adapter.support.LimitSignalsErrorDecoder;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.SharedLimits;
import org.openapproval.adapter.support.SharedLimitsInterceptor;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.adapter.support.TokenStore;
import org.openapproval.adapter.support.VendorClientModule;

/**
 * Wires one service: one HTTP client, one JSON mapper, a lease on the provider's token store, the tenant's
 * shared call budget and quota state, three Feign clients. The HTTP client and the lease are closed with the service (see the provider).
 */
final class FxiaokeModule extends AbstractModule {
    private final FxiaokeSettings settings;
    private final Clock clock;
    private final Supplier<UUID> traceIds;
    private final SharedState shared;
    private final ObservedExchanges exchanges;

    FxiaokeModule(FxiaokeSettings settings, Clock clock, Supplier<UUID> traceIds, SharedState shared,
                  ApprovalObserver observer) {
        this.exchanges = ObservedExchanges.of(observer, FxiaokeErrorCodes.FAILURES).tracedBy(answer ->
                answer instanceof FxiaokeEnvelope e ? Optional.ofNullable(e.traceId()) : Optional.empty());
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.traceIds = Objects.requireNonNull(traceIds, "traceIds");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    protected void configure() {
        install(new VendorClientModule(settings.endpoint(), settings.connectTimeout(), settings.readTimeout(),
                FxiaokeApprovalProvider.ID, FxiaokeApprovalProvider.class, settings.maxResponseBytes(),
                Scrubber.of(settings.secrets())));
        bind(FxiaokeSettings.class).toInstance(settings);
        bind(FxiaokeProcessReader.class).in(Singleton.class);
        bind(FxiaokeProcessMapper.class).to(FxiaokeProcessMapperImpl.class);
        bind(FxiaokeRequestMapper.class).to(FxiaokeRequestMapperImpl.class);
    }

    @Provides
    @Singleton
    FxiaokeTokenApi tokenApi(FeignClients feign, Scrubber scrubber) {
        // Token calls are reads: retrying a refused or throttled token request is harmless.
        return feign.builder(decoder -> EnvelopeCheckingDecoder.forTokenCalls(decoder, scrubber))
                .errorDecoder(new HttpStatusErrorDecoder())
                .retryer(ReadRetryer.reads(settings.retryPolicy()))
                .requestInterceptor(new ThirdTraceIdInterceptor(traceIds))
                .addCapability(exchanges.fetchingTokens())
                .target(FxiaokeTokenApi.class, settings.endpoint().toString());
    }

    /** This service's hold on the token of its credentials, shared with the provider's other services. */
    @Provides
    @Singleton
    TokenStore.Lease tokens(FxiaokeTokenApi api) {
        FxiaokeTokenFetcher fetcher = settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? FxiaokeTokenFetcher.legacy(api, settings.appId(), settings.appSecret(), settings.permanentCode(), clock)
                : FxiaokeTokenFetcher.clientCredentials(api, settings.appId(), settings.appSecret(),
                settings.permanentCode(), clock);
        return shared.tokens().open(settings.tokenKey(), fetcher);
    }

    /** The tenant's call budget and quota state, shared as configured (shared-state). */
    @Provides
    @Singleton
    SharedLimits limits() {
        return new SharedLimits(shared.rateBudget(settings.tenantKey(), settings.rateLimit()),
                shared.quota(settings.tenantKey()), new FxiaokeLimitSignals(), clock,
                FxiaokeErrorCodes.FAILURES.context());
    }

    @Provides
    @Singleton
    RequestInterceptor authInterceptor(TokenStore.Lease tokens, ObjectMapper json, Scrubber scrubber) {
        return settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? new CorpAccessTokenInterceptor(tokens, json, scrubber) : new BearerTokenInterceptor(tokens, scrubber);
    }

    @Provides
    @Singleton
    FxiaokeReadApi readApi(FeignClients feign, TokenStore.Lease tokens, RequestInterceptor auth, ObjectMapper json,
                           SharedLimits limits, Scrubber scrubber) {
        return authenticated(feign, tokens, auth, json, limits, scrubber)
                .retryer(ReadRetryer.reads(settings.retryPolicy()).replayingOnce(FxiaokeErrorCodes::isTokenRefusal))
                .target(FxiaokeReadApi.class, settings.endpoint().toString());
    }

    @Provides
    @Singleton
    FxiaokeWriteApi writeApi(FeignClients feign, TokenStore.Lease tokens, RequestInterceptor auth, ObjectMapper json,
                             SharedLimits limits, Scrubber scrubber) {
        return authenticated(feign, tokens, auth, json, limits, scrubber)
                .retryer(ReadRetryer.writes().replayingOnce(FxiaokeErrorCodes::isTokenRefusal))
                .target(FxiaokeWriteApi.class, settings.endpoint().toString());
    }

    private Feign.Builder authenticated(FeignClients feign, TokenStore.Lease tokens, RequestInterceptor auth,
                                        ObjectMapper json, SharedLimits limits,
                                        Scrubber scrubber) {
        Function<feign.Request, String> tokenOfRequest = settings.authMode() == FxiaokeSettings.AuthMode.LEGACY
                ? request -> RequestTokens.corpAccessToken(request, json)
                : RequestTokens::bearer;
        return feign.builder(decoder -> new LimitSignalsDecoder(EnvelopeCheckingDecoder.invalidatingRefusedTokens(
                        decoder, request -> tokens.invalidate(tokenOfRequest.apply(request)), scrubber), limits))
                .errorDecoder(new LimitSignalsErrorDecoder(new HttpStatusErrorDecoder(), limits))
                .requestInterceptor(new ThirdTraceIdInterceptor(traceIds))
                // before auth: a refused call costs no token fetch
                .requestInterceptor(new SharedLimitsInterceptor(limits))
                .requestInterceptor(auth)
                .addCapability(exchanges);
    }
}
