package org.openapproval.adapter.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;

/**
 * The Jackson mapper of an adapter: unknown fields are skipped (vendors add fields without notice), nulls
 * are left out of requests, and instants are read leniently ({@link LenientInstantDeserializer}).
 */
public final class VendorJson {
    private VendorJson() {
    }

    /** A new mapper; build one per provider instance and share it between its encoder and decoders. */
    public static ObjectMapper create() {
        SimpleModule times = new SimpleModule("vendor-times");
        times.addDeserializer(Instant.class, new LenientInstantDeserializer());
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .addModule(times)
                .annotationIntrospector(new UnknownFieldsSkipped())
                .build();
    }
}
