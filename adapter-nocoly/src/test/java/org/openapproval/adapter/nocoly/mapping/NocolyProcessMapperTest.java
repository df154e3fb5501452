package org.openapproval.adapter.nocoly.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.adapter.nocoly.dto.ApprovalDetail;
import org.openapproval.adapter.nocoly.dto.ApprovalDetailResponse;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepKind;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskOutcome;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.Actor;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;

/** The vendor's own W5 example response, byte for byte from its page, through Jackson and MapStruct. */
class NocolyProcessMapperTest {
    private static final ProcessId ID = ProcessId.of("64376661818a042e6c0f1500", "64376661818a042e6c0f1501",
            "69bce862a937e243ac9e9c38");
    private final ObjectMapper json = VendorJson.create();
    private final NocolyProcessMapper mapper = new NocolyProcessMapperImpl();
    private ApprovalDetailResponse response;
    private ApprovalProcess process;

    @BeforeEach
    void mapTheSeedExample() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/nocoly/w5-approval-execution-detail.json")) {
            response = json.readValue(in, ApprovalDetailResponse.class);
        }
        process = mapper.toProcess(ID, response.data());
    }

    @Test
    void theEnvelopeReadsAsSuccess() {
        assertEquals(Boolean.TRUE, response.success());
        assertEquals(null, response.errorCode(), "the example has no error_code: success decides");
    }

    @Test
    void processFieldsMapCompletely() {
        assertEquals(ID, process.id());
        assertEquals("nocoly", process.providerId());
        assertEquals(new DefinitionRef("6437681a818a042e6c0f20a5", "发起审批"), process.definition());
        assertEquals(RecordRef.of("64376661818a042e6c0f1500", "64376661818a042e6c0f1501"), process.record());
        assertEquals(ProcessState.IN_PROGRESS, process.state());
        assertEquals("1", process.vendorStatus());
        assertEquals(TriggerKind.UNKNOWN, process.trigger());
        assertEquals(Optional.of(new UserRef("creator_1", "创建者")), process.initiator());
        assertEquals("创建者", process.initiator().orElseThrow().displayName());
        assertEquals(Instant.parse("2026-03-20T14:20:00Z"), process.createdAt());
        assertEquals(Optional.of(Instant.parse("2026-03-20T14:25:38Z")), process.updatedAt(), "latest operation");
        assertEquals(Optional.empty(), process.endedAt(), "running");
        Map<String, String> attributes = process.attributes();
        assertEquals("2", attributes.get("title"));
        assertEquals("78e6b44e-10ab-443c-9030-de66e0067f30", attributes.get("companyId"));
        assertEquals("6437681a818a042e6c0f20a5", attributes.get("processId"));
        assertEquals("643766f9818a042e6c0f18a7", attributes.get("parentId"));
        assertEquals("apk_1", attributes.get("app.id"));
        assertEquals("审批应用", attributes.get("app.name"));
        assertEquals("1", attributes.get("instanceType"));
        assertEquals("owner_1", attributes.get("ownerAccount.accountId"));
        assertEquals("69bce862a937e243ac9e9c44", attributes.get("currentWorkIds"));
        assertEquals(Map.of("title", "2", "companyId", "78e6b44e-10ab-443c-9030-de66e0067f30",
                "processId", "6437681a818a042e6c0f20a5", "parentId", "643766f9818a042e6c0f18a7", "app.id", "apk_1",
                "app.name", "审批应用", "instanceType", "1", "ownerAccount.accountId", "owner_1",
                "currentWorkIds", "69bce862a937e243ac9e9c44"), attributes, "the whole attribute map");
    }

    @Test
    void worksBecomeStepsWithTheirFlowNodes() {
        assertEquals(2, process.steps().size());
        Step start = process.steps().get(0);
        assertEquals(StepId.of(ID, "69bce862a937e243ac9e9c40"), start.id());
        assertEquals("流程发起节点", start.name());
        assertEquals(StepKind.START, start.kind());
        assertEquals(ApprovalMode.SINGLE, start.mode());
        assertEquals(StepState.APPROVED, start.state());

        Step approval = process.steps().get(1);
        assertEquals(StepId.of(ID, "69bce862a937e243ac9e9c44"), approval.id());
        assertEquals("审批1", approval.name());
        assertEquals(StepKind.APPROVAL, approval.kind());
        assertEquals(StepState.IN_PROGRESS, approval.state(), "its work id is in currentWorkIds");
        assertEquals(List.of(new UserRef("d0e9f1d7-ed3d-4284-8d12-77c74313f208", "大强")), approval.assignees());
    }

    @Test
    void workItemsBecomeTasksWithDecisions() {
        UserRef daqiang = new UserRef("d0e9f1d7-ed3d-4284-8d12-77c74313f208", "大强");
        Task submitted = process.steps().get(0).tasks().get(0);
        assertEquals(Task.completed(TaskId.of(ID, "69bce862a937e243ac9e9c40", "69bce862a937e243ac9e9c41"), daqiang,
                TaskOutcome.SUBMITTED, Actor.person(daqiang), "9", Optional.of(Instant.parse("2026-03-20T14:25:38Z"))),
                submitted, "submitting the start node completes it; it is not an approval decision");
        assertEquals("大强", submitted.assignee().displayName());
        assertEquals(List.of(daqiang), process.steps().get(0).assignees());
        assertEquals("nodeType=0;countersignType=null;operationType=[9]", process.steps().get(0).vendorStatus());
        assertEquals("nodeType=4;countersignType=null;operationType=[0]", process.steps().get(1).vendorStatus());
        assertEquals(ApprovalMode.SINGLE, process.steps().get(1).mode());

        Task pending = process.steps().get(1).tasks().get(0);
        assertEquals(TaskId.of(ID, "69bce862a937e243ac9e9c44", "69bce862a937e243ac9e9c45"), pending.id());
        assertEquals(TaskState.PENDING, pending.state());
        assertEquals(Optional.of(Instant.parse("2026-03-20T14:25:38Z")), pending.createdAt());
        assertEquals(List.of(pending), process.pendingTasks());
    }

    @Test
    void theCurrentWorkItemWithOpinionAndFilesDeserialises() {
        ApprovalDetail d = response.data();
        assertEquals("同意", d.currentWorkItem().opinion());
        assertEquals("approval.pdf", d.currentWorkItem().files().get(0).originalFilename());
        assertEquals("https://file.example.com/download/approval.pdf", d.currentWorkItem().files().get(0).downloadUrl());
        assertEquals(List.of("69bce862a937e243ac9e9c44"), d.currentWorkIds());
    }

    @ParameterizedTest
    @CsvSource({"1,IN_PROGRESS", "2,APPROVED", "3,REJECTED", "4,FAILED", "6,CANCELLED", "-1,FAILED", "5,UNKNOWN",
            "99,UNKNOWN"})
    void everyInstanceStatusIsMapped(int status, ProcessState expected) {
        assertEquals(expected, mapper.processState(status));
    }

    @ParameterizedTest
    @CsvSource({"0,START", "3,FILL_IN", "4,APPROVAL", "5,NOTIFY", "27,NOTIFY", "1,SYSTEM", "6,SYSTEM", "26,SYSTEM",
            "34,SYSTEM", "101,SYSTEM", "1000,SYSTEM", "77,UNKNOWN"})
    void everyNodeTypeIsMapped(int type, StepKind expected) {
        assertEquals(expected, mapper.stepKind(type));
    }

    @ParameterizedTest
    @CsvSource({"0,PENDING", "1,APPROVED", "2,APPROVED", "16,APPROVED", "17,APPROVED", "9,APPROVED", "4,REJECTED",
            "22,REJECTED", "5,CANCELLED", "3,CANCELLED", "8,CANCELLED", "42,UNKNOWN"})
    void everyOperationTypeIsMapped(int operationType, TaskState expected) {
        assertEquals(expected, mapper.operation(operationType));
    }

    @Test
    void countersignTypesAndTheirAbsenceAreMapped() {
        assertEquals(ApprovalMode.ALL_OF, mapper.approvalMode(1, 3));
        assertEquals(ApprovalMode.ANY_OF, mapper.approvalMode(2, 3));
        assertEquals(ApprovalMode.ANY_OF, mapper.approvalMode(3, 3));
        assertEquals(ApprovalMode.UNKNOWN, mapper.approvalMode(4, 3), "vote by ratio has no neutral mode");
        assertEquals(ApprovalMode.SINGLE, mapper.approvalMode(null, 1));
        assertEquals(ApprovalMode.UNKNOWN, mapper.approvalMode(null, 2));
        assertTrue(mapper.processState(null) == ProcessState.UNKNOWN && mapper.stepKind(null) == StepKind.UNKNOWN);
    }

    @Test
    void withoutCurrentWorkIdsTheCurrentWorkItemMarksTheCurrentStep() {
        ApprovalDetail d = response.data();
        ApprovalDetail noIds = new ApprovalDetail(d.companyId(), d.works(), d.currentWorkItem(), d.title(),
                d.ownerAccount(), d.createAccount(), d.createDate(), d.processName(), d.processId(), d.parentId(),
                d.isApproval(), d.flowNode(), d.app(), d.instanceType(), d.status(), List.of());
        ApprovalProcess p = mapper.toProcess(ID, noIds);
        assertEquals(StepState.IN_PROGRESS, p.steps().get(1).state());
        assertEquals(1, p.pendingTasks().size());
    }

    @Test
    void oddVendorNamesAreCleanedNotFatal() {
        ApprovalDetail d = response.data();
        org.openapproval.adapter.nocoly.dto.Work w = d.works().get(1);
        org.openapproval.adapter.nocoly.dto.Work odd = new org.openapproval.adapter.nocoly.dto.Work(w.instanceId(),
                w.workId(), w.workItems(), new org.openapproval.adapter.nocoly.dto.FlowNode("n", "审批\n1" + "x".repeat(300),
                4), w.countersign(), w.countersignType(), w.sort());
        ApprovalDetail withOdd = new ApprovalDetail(d.companyId(), List.of(d.works().get(0), odd), d.currentWorkItem(),
                d.title(), d.ownerAccount(), d.createAccount(), d.createDate(), d.processName(), d.processId(),
                d.parentId(), d.isApproval(), d.flowNode(), d.app(), d.instanceType(), d.status(), d.currentWorkIds());
        assertEquals(256, mapper.toProcess(ID, withOdd).steps().get(1).name().length());
    }
}
