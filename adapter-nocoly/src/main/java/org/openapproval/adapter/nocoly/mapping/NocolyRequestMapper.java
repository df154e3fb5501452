package org.openapproval.adapter.nocoly.mapping;

import java.util.List;
import org.mapstruct.Mapper;
import org.openapproval.adapter.support.AdapterMapperConfig;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ValueMapping;
import org.openapproval.adapter.nocoly.dto.BatchApprovalRequest;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.domain.Verdict;

/**
 * Validated decisions to the organization API's batch body: one select of {@code {id: instanceId,
 * workId}}; {@code batchOperationType} 4 pass, 5 reject (return is not in any public HAP API).
 */
@Mapper(config = AdapterMapperConfig.class)
public interface NocolyRequestMapper {

    @Mapping(target = "batchOperationType", expression = "java(batchOperationType(validated.decision().verdict()))")
    @Mapping(target = "selects", expression = "java(selects(validated))")
    @Mapping(target = "opinion", expression = "java(validated.decision().comment().orElse(null))")
    BatchApprovalRequest toBatch(ValidatedDecision validated);

    @ValueMapping(source = "APPROVE", target = "4")
    @ValueMapping(source = "REJECT", target = "5")
    @ValueMapping(source = "RETURN", target = MappingConstants.THROW_EXCEPTION)
    String batchOperationCode(Verdict verdict);

    default Integer batchOperationType(Verdict verdict) {
        return Integer.valueOf(batchOperationCode(verdict));
    }

    default List<BatchApprovalRequest.Select> selects(ValidatedDecision validated) {
        // process id = worksheet:row:instance; step id adds the work id
        return List.of(new BatchApprovalRequest.Select(validated.process().id().segment(2),
                validated.step().id().segment(0)));
    }
}
