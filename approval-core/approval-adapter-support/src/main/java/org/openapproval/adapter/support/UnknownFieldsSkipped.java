package org.openapproval.adapter.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;

/**
 * Every class read by a vendor mapper behaves as if annotated {@code @JsonIgnoreProperties(ignoreUnknown = true)}.
 * Disabling {@code FAIL_ON_UNKNOWN_PROPERTIES} alone is not the same for records: Jackson copies each unknown
 * field of a record (a creator-built value) into a token buffer before dropping it, and vendors' answers are
 * mostly fields we do not read. With the class-level ignoral it skips them in the parser.
 */
final class UnknownFieldsSkipped extends JacksonAnnotationIntrospector {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
        JsonIgnoreProperties.Value declared = super.findPropertyIgnoralByName(config, a);
        return a instanceof AnnotatedClass ? declared.withIgnoreUnknown() : declared;
    }
}
