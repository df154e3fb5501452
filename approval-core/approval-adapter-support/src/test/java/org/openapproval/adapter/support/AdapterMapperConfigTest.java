package org.openapproval.adapter.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.mapstruct.MapperConfig;
import org.mapstruct.MappingConstants;

class AdapterMapperConfigTest {
    @Test
    void unmappedTargetsFailTheBuildAndMappersAreInjected() {
        // @MapperConfig is kept in the class file only, so it is read from there rather than by reflection
        JavaClass config = new ClassFileImporter().importClass(AdapterMapperConfig.class);
        JavaAnnotation<JavaClass> annotation = config.getAnnotationOfType(MapperConfig.class.getName());
        assertEquals("ERROR", annotation.get("unmappedTargetPolicy").orElseThrow().toString().replaceAll(".*\\.", ""));
        assertEquals(MappingConstants.ComponentModel.JAKARTA, annotation.get("componentModel").orElseThrow());
    }
}
