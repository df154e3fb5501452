package org.openapproval.adapter.fxiaoke.mapping;

import org.mapstruct.Mapper;
import org.openapproval.adapter.support.AdapterMapperConfig;
import org.mapstruct.Mapping;
import org.mapstruct.MappingConstants;
import org.mapstruct.ValueMapping;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTaskActionRequest;
import org.openapproval.adapter.fxiaoke.dto.CancelApprovalRequest;
import org.openapproval.adapter.fxiaoke.dto.RejectToBeforeTaskRequest;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ValidatedDecision;
import org.openapproval.core.domain.Verdict;

/**
 * Validated commands to Fxiaoke request bodies. The vendor task id is the first segment of the decided task's
 * id: after a return, a re-opened node is shown under the earlier step's id, but Fxiaoke acts on the new task.
 */
@Mapper(config = AdapterMapperConfig.class)
public interface FxiaokeRequestMapper {

    @Mapping(target = "taskId", expression = "java(validated.task().id().segment(0))")
    @Mapping(target = "actionType", expression = "java(actionType(validated.decision().verdict()))")
    @Mapping(target = "opinion", expression = "java(validated.decision().comment().orElse(\"\"))")
    ApprovalTaskActionRequest toTaskAction(ValidatedDecision validated);

    @ValueMapping(source = "APPROVE", target = "agree")
    @ValueMapping(source = "REJECT", target = "reject")
    @ValueMapping(source = "RETURN", target = MappingConstants.THROW_EXCEPTION)
    String actionType(Verdict verdict);

    default RejectToBeforeTaskRequest toRejectToBeforeTask(ValidatedDecision decision) {
        String target = decision.returnTarget().orElseThrow(() -> new IllegalArgumentException("not a return"))
                .id().segment(0);
        return new RejectToBeforeTaskRequest(new RejectToBeforeTaskRequest.Data(decision.task().id().segment(0), target,
                decision.decision().comment().orElse(""), Boolean.FALSE));
    }

    default CancelApprovalRequest toCancel(ApprovalProcess process, String reason) {
        return new CancelApprovalRequest(new CancelApprovalRequest.Data(process.record().objectType(),
                process.record().recordId(), reason));
    }
}
