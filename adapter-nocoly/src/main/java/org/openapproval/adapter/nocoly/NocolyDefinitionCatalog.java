package org.openapproval.adapter.nocoly;

import org.openapproval.adapter.support.VendorText;
import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openapproval.adapter.nocoly.client.NocolyV3Api;
import org.openapproval.adapter.nocoly.dto.ProcessDetailResponse;
import org.openapproval.adapter.nocoly.dto.ProcessInputParameter;
import org.openapproval.adapter.nocoly.dto.ProcessSummary;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.InputParameter;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.port.out.DefinitionCatalog;

/** W1 (triggerable processes) and W2 (one process with its input parameters). */
final class NocolyDefinitionCatalog implements DefinitionCatalog {
    private final NocolyV3Api api;

    @Inject
    NocolyDefinitionCatalog(NocolyV3Api api) {
        this.api = api;
    }

    /** The list carries no inputs; {@link #definition} reads them. */
    @Override
    public List<ApprovalDefinition> definitions() {
        var data = FAILURES.call(api::processes).data();
        if (data == null) {
            return List.of();
        }
        return data.processes().stream().filter(p -> p.id() != null && NocolyIds.valid(p.id()))
                .map(NocolyDefinitionCatalog::summary).toList();
    }

    @Override
    public Optional<ApprovalDefinition> definition(String definitionId) {
        if (!NocolyIds.valid(definitionId)) {
            return Optional.empty();
        }
        ProcessDetailResponse.Data data;
        try {
            data = FAILURES.call(() -> api.process(definitionId)).data();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (data == null) {
            return Optional.empty();
        }
        List<InputParameter> inputs = data.inputParameters().stream()
                .filter(i -> VendorText.name(i.name()) != null)
                .map(NocolyDefinitionCatalog::input).toList();
        return Optional.of(new ApprovalDefinition(ref(definitionId, data.name()),
                Optional.ofNullable(data.description()).filter(d -> !d.isBlank()), inputs, Map.of()));
    }

    private static ApprovalDefinition summary(ProcessSummary p) {
        Map<String, String> attributes = p.type() == null ? Map.of() : Map.of("type", String.valueOf(p.type()));
        return new ApprovalDefinition(ref(p.id(), p.name()),
                Optional.ofNullable(p.description()).filter(d -> !d.isBlank()), List.of(), attributes);
    }

    private static DefinitionRef ref(String id, String name) {
        String clean = VendorText.name(name);
        return new DefinitionRef(id, clean == null ? id : clean);
    }

    /** Inputs are sent under their names (HAP also accepts aliases); the type is HAP's field-type code. */
    private static InputParameter input(ProcessInputParameter p) {
        return new InputParameter(VendorText.name(p.name()), p.type() == null ? "unknown" : String.valueOf(p.type()),
                Boolean.TRUE.equals(p.required()), Optional.ofNullable(p.description()).filter(d -> !d.isBlank()));
    }
}
