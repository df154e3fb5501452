package org.openapproval.adapter.support;

import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;
import org.mapstruct.ReportingPolicy;

/**
 * What every adapter's MapStruct mapper shares ({@code @Mapper(config = AdapterMapperConfig.class)}): an
 * unmapped target field fails the build, so a new domain field cannot be forgotten silently; and mappers are
 * jakarta-injected singletons, bound in the adapter's Guice module instead of held in static fields.
 */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR,
        componentModel = MappingConstants.ComponentModel.JAKARTA)
public interface AdapterMapperConfig {
}
