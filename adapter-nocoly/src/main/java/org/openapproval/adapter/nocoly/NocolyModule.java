package org.openapproval.adapter.nocoly;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import feign.Feign;
import feign.Logger;
import feign.RequestInterceptor;
import feign.Retryer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Objects;
import org.openapproval.adapter.nocoly.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.nocoly.client.HapAppKeyInterceptor;
import org.openapproval.adapter.nocoly.client.HttpStatusErrorDecoder;
import org.openapproval.adapter.nocoly.client.NocolyHookApi;
import org.openapproval.adapter.nocoly.client.NocolyOrgBatchApi;
import org.openapproval.adapter.nocoly.client.NocolyOrgTodoApi;
import org.openapproval.adapter.nocoly.client.NocolyV3Api;
import org.openapproval.adapter.nocoly.client.OrgSignatureInterceptor;
import org.openapproval.adapter.nocoly.mapping.NocolyProcessMapper;
import org.openapproval.adapter.nocoly.mapping.NocolyProcessMapperImpl;
import org.openapproval.adapter.nocoly.mapping.NocolyRequestMapper;
import org.openapproval.adapter.nocoly.mapping.NocolyRequestMapperImpl;
import org.openapproval.adapter.nocoly.client.NocolyErrorCodes;
import org.openapproval.adapter.support.FeignClients;
import org.openapproval.adapter.support.LimitSignalsDecoder;
import org.openapproval.adapter.support.LimitSignalsErrorDecoder;
import org.openapproval.adapter.support.ObservedExchanges;
import org.openapproval.adapter.support.ReadRetryer;
import org.openapproval.adapter.support.Scrubber;
import org.openapproval.adapter.support.SharedLimits;
import org.openapproval.adapter.support.SharedLimitsInterceptor;
import org.openapproval.adapter.support.SharedState;
import org.openapproval.adapter.support.VendorClientModule;
import org.openapproval.core.domain.ErrorContext;
import org.openapproval.core.spi.ApprovalObserver;

/**
 * Wires one service: one HTTP client (closed with the service, see the provider), one JSON mapper, the app's
 * shared call budget, a Feign client per API and retry policy.
 */
final class NocolyModule extends AbstractModule {
    private final NocolySettings settings;
    private final Clock clock;
    private final ObservedExchanges exchanges;
    private final SharedState shared;

    NocolyModule(NocolySettings settings, Clock clock, ApprovalObserver observer, SharedState shared) {
        this.exchanges = ObservedExchanges.of(observer, NocolyErrorCodes.FAILURES);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shared = Objects.requireNonNull(shared, "shared");
    }

    @Override
    protected void configure() {
        install(new VendorClientModule(settings.endpoint(), settings.connectTimeout(), settings.readTimeout(),
                NocolyApprovalProvider.ID, NocolyApprovalProvider.class, settings.maxResponseBytes(),
                Scrubber.of(settings.secrets())));
        bind(NocolySettings.class).toInstance(settings);
        bind(NocolyProcessReader.class).in(Singleton.class);
        bind(NocolyProcessMapper.class).to(NocolyProcessMapperImpl.class);
        bind(NocolyRequestMapper.class).to(NocolyRequestMapperImpl.class);
    }

    /**
     * The app's call budget and HAP's hold-offs, shared as configured (shared-state). The organization API's
     * calls count against it too: they act for the same app, and HAP publishes no separate limit.
     */
    @Provides
    @Singleton
    SharedLimits limits() {
        return new SharedLimits(shared.rateBudget(settings.appBudgetKey(), settings.rateLimit()),
                shared.quota(settings.appBudgetKey()), new NocolyLimitSignals(settings.rateLimitHoldOff()), clock,
                ErrorContext.provider(NocolyApprovalProvider.ID));
    }

    @Provides
    @Singleton
    NocolyV3Api v3Api(FeignClients feign, ObjectMapper json, SharedLimits limits, Scrubber scrubber) {
        return hap(feign, json, scrubber, appKey(), ReadRetryer.reads(settings.retryPolicy()), limits)
                .target(NocolyV3Api.class, settings.endpoint().toString());
    }

    @Provides
    @Singleton
    NocolyHookApi hookApi(FeignClients feign, ObjectMapper json, SharedLimits limits,
            Scrubber scrubber) {
        return hap(feign, json, scrubber, appKey(), ReadRetryer.writes(), limits)
                .target(NocolyHookApi.class, settings.endpoint().toString());
    }

    /**
     * Bound only when the organization key is configured; the provider asks for it only then. Logging is
     * off for the organization clients: their URLs carry a replayable signature and the acting account.
     */
    @Provides
    @Singleton
    NocolyOrgBatchApi orgBatchApi(FeignClients feign, ObjectMapper json, SharedLimits limits,
            Scrubber scrubber) {
        NocolySettings.Organization org = settings.organization().orElseThrow();
        return hap(feign, json, scrubber, orgSignature(org), ReadRetryer.writes(), limits).logLevel(Logger.Level.NONE)
                .target(NocolyOrgBatchApi.class, org.endpoint().toString());
    }

    @Provides
    @Singleton
    NocolyOrgTodoApi orgTodoApi(FeignClients feign, ObjectMapper json, SharedLimits limits,
            Scrubber scrubber) {
        NocolySettings.Organization org = settings.organization().orElseThrow();
        return hap(feign, json, scrubber, orgSignature(org), ReadRetryer.reads(settings.retryPolicy()), limits)
                .logLevel(Logger.Level.NONE)
                .target(NocolyOrgTodoApi.class, org.endpoint().toString());
    }

    private RequestInterceptor appKey() {
        return new HapAppKeyInterceptor(settings.appKey(), settings.sign());
    }

    private RequestInterceptor orgSignature(NocolySettings.Organization org) {
        return new OrgSignatureInterceptor(org.appKey(), org.secretKey(), clock);
    }

    /** Every client checks the shared limits before each request, retries included, and reports HAP's answers. */
    private Feign.Builder hap(FeignClients feign, ObjectMapper json, Scrubber scrubber, RequestInterceptor auth,
                              Retryer retryer, SharedLimits limits) {
        return feign.builder(decoder -> new LimitSignalsDecoder(new EnvelopeCheckingDecoder(decoder, scrubber), limits))
                .errorDecoder(new LimitSignalsErrorDecoder(new HttpStatusErrorDecoder(json, scrubber), limits))
                .retryer(retryer)
                .requestInterceptor(new SharedLimitsInterceptor(limits))
                .requestInterceptor(auth)
                .addCapability(exchanges); // one approval.http observation per exchange, when observed
    }
}
