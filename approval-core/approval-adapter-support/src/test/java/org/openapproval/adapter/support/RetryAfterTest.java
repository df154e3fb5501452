package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static Optional<Duration> parse(String name, String value) {
        return RetryAfter.parse(Map.<String, Collection<String>>of(name, List.of(value)));
    }

    @Test
    void deltaSecondsAreReadWhateverTheHeaderNamesCase() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), parse("Retry-After", "7"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), parse("retry-after", " 120 "));
        assertEquals(Optional.of(Duration.ZERO), parse("RETRY-AFTER", "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wed, 21 Oct 2026 07:28:00 GMT", "-3", "", "1.5"})
    void datesNegativesAndFractionsAreIgnored(String value) {
        assertEquals(Optional.empty(), parse("Retry-After", value));
    }

    /** Issue 10: an absurd wait is still a wait the vendor asked for, capped instead of overflowing or ignored. */
    @ParameterizedTest
    @ValueSource(strings = {"9999999999999999999", "99999999999999999", "86401", "999999999"})
    void absurdWaitsAreCappedAtADay(String value) {
        assertEquals(Optional.of(RetryAfter.MAX_WAIT), parse("Retry-After", value));
    }

    @Test
    void noHeaderNoWait() {
        assertEquals(Optional.empty(), RetryAfter.parse(Map.of()));
        assertEquals(Optional.empty(), RetryAfter.parse(Map.of("retry-after", List.of())));
    }
}
