package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openapproval.adapter.nocoly.client.EnvelopeCheckingDecoder;
import org.openapproval.adapter.nocoly.client.NocolyHookApi;
import org.openapproval.core.domain.ApprovalDefinition;
import org.openapproval.core.domain.InvalidRequestException;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.port.in.StartCommand;
import org.openapproval.core.port.in.StartReceipt;
import org.openapproval.core.port.out.ProcessStarter;

/**
 * W3 {@code POST /v3/app/workflow/hooks/{process_id}} with the inputs as a flat object. Both documented
 * answers are accepted: the envelope with {@code data}, or the bare output parameters. No instance id is
 * documented, so the receipt carries the outputs only.
 */
final class NocolyProcessStarter implements ProcessStarter {
    private final NocolyHookApi api;
    private final NocolyDefinitionCatalog catalog;

    @Inject
    NocolyProcessStarter(NocolyHookApi api, NocolyDefinitionCatalog catalog) {
        this.api = api;
        this.catalog = catalog;
    }

    @Override
    public StartReceipt start(StartCommand command) {
        if (!NocolyIds.valid(command.definitionId())) {
            throw new InvalidRequestException("'" + command.definitionId() + "' is not a HAP process id",
                    FAILURES.context(), null);
        }
        ApprovalDefinition definition = catalog.definition(command.definitionId()).orElseThrow(() ->
                new NotFoundException("HAP has no triggerable process " + command.definitionId(), FAILURES.context(),
                        null));
        NocolyInputs.check(definition, command.inputs());
        JsonNode answer = FAILURES.call(() -> api.trigger(command.definitionId(), command.inputs()));
        JsonNode outputs = answer != null && EnvelopeCheckingDecoder.isEnvelope(answer) ? answer.path("data") : answer;
        Map<String, String> values = new LinkedHashMap<>();
        if (outputs != null && outputs.isObject()) {
            outputs.properties().forEach(e -> values.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return new StartReceipt(Optional.empty(), values);
    }
}
