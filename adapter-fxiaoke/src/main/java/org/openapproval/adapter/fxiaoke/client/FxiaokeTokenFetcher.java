package org.openapproval.adapter.fxiaoke.client;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenRequest;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenResponse;
import org.openapproval.adapter.fxiaoke.dto.TokenRequest;
import org.openapproval.adapter.fxiaoke.dto.TokenResponse;
import org.openapproval.adapter.support.AccessToken;
import org.openapproval.core.domain.VendorProtocolException;

/**
 * Fetches a token from one of the two token endpoints and stamps it with Fxiaoke's renewal rule: the vendor
 * returns the same token for 6600 s and honours it for 7200 s, so a token is renewed once held 6600 s or
 * within a safety margin of its stated expiry, whichever comes first.
 */
public final class FxiaokeTokenFetcher implements Supplier<AccessToken> {
    static final Duration RENEW_AFTER = Duration.ofSeconds(6600);
    static final Duration SAFETY_MARGIN = Duration.ofSeconds(120);

    /** What a token endpoint answered, in the shape both share. */
    record Issued(String value, String account, Long expiresIn, String fields) {
    }

    private final Supplier<Issued> call;
    private final Clock clock;

    private FxiaokeTokenFetcher(Supplier<Issued> call, Clock clock) {
        this.call = call;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code /oauth2.0/token}: the token and the enterprise account {@code ea}. */
    public static FxiaokeTokenFetcher clientCredentials(FxiaokeTokenApi api, String appId, String appSecret,
                                                        String permanentCode, Clock clock) {
        return new FxiaokeTokenFetcher(() -> {
            TokenResponse r = FAILURES.call(() -> api.token(TokenRequest.appSecret(appId, appSecret, permanentCode)));
            return new Issued(r.accessToken(), r.ea(), r.expiresIn(), "accessToken/ea");
        }, clock);
    }

    /** {@code /cgi/corpAccessToken/get/V2}: the legacy token and its {@code corpId}. */
    public static FxiaokeTokenFetcher legacy(FxiaokeTokenApi api, String appId, String appSecret, String permanentCode,
                                             Clock clock) {
        return new FxiaokeTokenFetcher(() -> {
            CorpAccessTokenResponse r = FAILURES.call(() -> api.corpAccessToken(new CorpAccessTokenRequest(appId,
                    appSecret, permanentCode)));
            return new Issued(r.corpAccessToken(), r.corpId(), r.expiresIn(), "corpAccessToken/corpId");
        }, clock);
    }

    @Override
    public AccessToken get() {
        return token(call.get(), clock.instant());
    }

    static AccessToken token(Issued issued, Instant now) {
        if (issued.value() == null || issued.value().isBlank() || issued.account() == null
                || issued.account().isBlank() || issued.expiresIn() == null || issued.expiresIn() <= 0) {
            throw new VendorProtocolException("Fxiaoke's token answer lacks " + issued.fields() + " or expiresIn",
                    FAILURES.context(), null);
        }
        Instant expiresAt = now.plusSeconds(issued.expiresIn());
        Instant renewAt = now.plus(RENEW_AFTER);
        Instant beforeExpiry = expiresAt.minus(SAFETY_MARGIN);
        return new AccessToken(issued.value(), issued.account(), renewAt.isBefore(beforeExpiry) ? renewAt
                : beforeExpiry, expiresAt);
    }
}
