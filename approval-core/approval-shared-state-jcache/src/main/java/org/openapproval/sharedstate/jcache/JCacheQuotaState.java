package org.openapproval.sharedstate.jcache;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.cache.Cache;
import org.openapproval.adapter.support.QuotaExhaustion;
import org.openapproval.adapter.support.QuotaState;

/** A tenant's quota exhaustion in the cluster; the later reset wins, kept with compare-and-replace. */
final class JCacheQuotaState implements QuotaState {
    private final Cache<String, String> quotas;
    private final String key;
    private final Clock clock;

    JCacheQuotaState(Cache<String, String> quotas, String key, Clock clock) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<QuotaExhaustion> current() {
        String value = CacheCalls.call("read the quota state", () -> quotas.get(key));
        if (value == null) {
            return Optional.empty();
        }
        QuotaExhaustion exhaustion = decode(value);
        if (!clock.instant().isBefore(exhaustion.resetsAt())) {
            CacheCalls.run("clear a reset quota", () -> quotas.remove(key, value));
            return Optional.empty();
        }
        return Optional.of(exhaustion);
    }

    @Override
    public void exhausted(QuotaExhaustion latest) {
        String encoded = encode(latest);
        CacheCalls.run("record a used-up quota", () -> {
            while (true) {
                String current = quotas.get(key);
                if (current == null ? quotas.putIfAbsent(key, encoded)
                        : !latest.resetsAt().isAfter(decode(current).resetsAt())
                        || quotas.replace(key, current, encoded)) {
                    return;
                }
            }
        });
    }

    private static String encode(QuotaExhaustion e) {
        return Fields.join(e.vendorCode(), e.vendorMessage(), String.valueOf(e.resetsAt().toEpochMilli()));
    }

    private static QuotaExhaustion decode(String value) {
        List<String> f = Fields.split(value);
        return new QuotaExhaustion(f.get(0), f.get(1), Instant.ofEpochMilli(Long.parseLong(f.get(2))));
    }
}
