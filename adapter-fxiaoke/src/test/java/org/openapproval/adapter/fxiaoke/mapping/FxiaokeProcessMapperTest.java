package org.openapproval.adapter.fxiaoke.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstance;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceGetResponse;
import org.openapproval.adapter.fxiaoke.dto.ApprovalOpinion;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTask;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.adapter.fxiaoke.dto.ObjectApprovalInstancesResponse;
import org.openapproval.core.domain.ApprovalMode;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.ProcessState;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.Step;
import org.openapproval.core.domain.StepId;
import org.openapproval.core.domain.StepState;
import org.openapproval.core.domain.Task;
import org.openapproval.core.domain.TaskId;
import org.openapproval.core.domain.TaskState;
import org.openapproval.core.domain.TriggerKind;
import org.openapproval.core.domain.UserRef;
import org.openapproval.core.domain.Verdict;

/** Recorded Fxiaoke JSON (field names of the fact sheet and the seed page) through Jackson and MapStruct. */
class FxiaokeProcessMapperTest {
    private final ObjectMapper json = VendorJson.create();
    private final FxiaokeProcessMapper mapper = new FxiaokeProcessMapperImpl();

    private <T> T read(String resource, Class<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fxiaoke/" + resource)) {
            return json.readValue(in, type);
        }
    }

    @Test
    void theSeedPagesInstanceFieldsMapOntoAProcessHeader() throws IOException {
        ObjectApprovalInstancesResponse response = read("object-approval-instances-query.json",
                ObjectApprovalInstancesResponse.class);
        assertEquals(0, response.errorCode());
        ApprovalInstance passed = response.instances().get(0);
        ApprovalProcess p = mapper.toProcessHeader(passed);

        assertEquals(ProcessId.of("65e7f1c2a1b2c3d4e5f60718"), p.id());
        assertEquals("fxiaoke", p.providerId());
        assertEquals(new DefinitionRef("apprflow_contract__c", "Contract approval"), p.definition());
        assertEquals(RecordRef.of("ContractObj", "c5121734b3904060af0f29bc8c9c3342"), p.record());
        assertEquals(ProcessState.APPROVED, p.state());
        assertEquals("pass", p.vendorStatus());
        assertEquals(TriggerKind.CREATE, p.trigger());
        assertEquals(Optional.of(UserRef.of("1001")), p.initiator());
        assertEquals(Instant.ofEpochMilli(1709280000000L), p.createdAt());
        assertEquals(Optional.of(Instant.ofEpochMilli(1709290000000L)), p.updatedAt());
        assertEquals(Optional.of(Instant.ofEpochMilli(1709290000000L)), p.endedAt());
        assertEquals(List.of(), p.steps());
        assertEquals(Map.of("instanceName", "Contract approval", "flowApiName", "apprflow_contract__c",
                "triggerType", "Create", "applicantOpenUserId", "1001"), p.attributes(),
                "cancelTime 0 means unset");
    }

    @Test
    void timesArriveAsNumbersNumericStringsOrIsoText() throws IOException {
        ApprovalInstance running = read("object-approval-instances-query.json", ObjectApprovalInstancesResponse.class)
                .instances().get(1);
        assertEquals(Instant.ofEpochMilli(1709380000000L), running.createTime());
        assertEquals(Instant.parse("2024-03-02T12:00:00Z"), running.lastModifyTime());
        assertEquals(null, running.endTime());
        assertEquals(null, running.cancelTime());
        ApprovalProcess p = mapper.toProcessHeader(running);
        assertEquals(ProcessState.IN_PROGRESS, p.state());
        assertEquals(TriggerKind.UPDATE, p.trigger());
        assertEquals(Optional.empty(), p.endedAt());
    }

    @Test
    void anInstanceWithTasksMapsNodesToStepsAndPersonsToTasks() throws IOException {
        ApprovalProcess p = mapper.toProcess(read("approval-instance-get.json", ApprovalInstanceGetResponse.class)
                .instanceDetail());
        ProcessId id = ProcessId.of("65e7f1c2a1b2c3d4e5f60719");
        assertEquals(id, p.id());
        assertEquals(2, p.steps().size());

        Step first = p.steps().get(0);
        assertEquals(StepId.of(id, "task-a"), first.id());
        assertEquals(ApprovalMode.SINGLE, first.mode());
        assertEquals(StepState.APPROVED, first.state());
        assertEquals("pass", first.vendorStatus());
        Task approved = first.tasks().get(0);
        assertEquals(TaskId.of(id, "task-a", "1002"), approved.id());
        assertEquals(TaskState.APPROVED, approved.state());
        assertEquals("agree", approved.vendorStatus());
        assertEquals(Verdict.APPROVE, approved.decision().orElseThrow().verdict());
        assertEquals(Optional.of("price checked"), approved.decision().orElseThrow().comment());
        assertEquals(Instant.ofEpochMilli(1709383600000L), approved.decision().orElseThrow().time().orElseThrow());

        Step second = p.steps().get(1);
        assertEquals(ApprovalMode.ALL_OF, second.mode(), "the doc table's 'tasks' spelling of type is accepted");
        assertEquals(StepState.IN_PROGRESS, second.state());
        assertEquals(List.of(UserRef.of("1003"), UserRef.of("1004")), second.assignees(),
                "SDK spellings unCompleteOpenPersons/completePersons are accepted");
        assertEquals(TaskState.APPROVED, second.tasks().get(0).state());
        assertEquals(Optional.of("ok from legal"), second.tasks().get(0).decision().orElseThrow().comment(),
                "control characters in vendor text are dropped");
        assertEquals(TaskState.PENDING, second.tasks().get(1).state());
        assertEquals(List.of(TaskId.of(id, "task-b", "1004")), p.pendingTasks().stream().map(Task::id).toList());
        assertTrue(p.timeline().size() >= 3, "started + two decisions");
    }

    @ParameterizedTest
    @CsvSource({"in_progress,IN_PROGRESS", "pass,APPROVED", "reject,REJECTED", "cancel,CANCELLED", "error,FAILED",
            "paused,UNKNOWN", "PASS,UNKNOWN"})
    void everyInstanceStateIsMapped(String raw, ProcessState expected) {
        assertEquals(expected, mapper.processState(raw));
    }

    @ParameterizedTest
    @CsvSource({"in_progress,IN_PROGRESS", "pass,APPROVED", "auto_pass,APPROVED", "reject,REJECTED",
            "cancel,CANCELLED", "go_back,RETURNED", "auto_go_back,RETURNED", "schedule,WAITING", "error,CANCELLED",
            "frozen,UNKNOWN"})
    void everyTaskStateIsMapped(String raw, StepState expected) {
        assertEquals(expected, mapper.stepState(raw));
    }

    @ParameterizedTest
    @CsvSource({"single,SINGLE", "one_pass,ANY_OF", "all_pass,ALL_OF", "relay,UNKNOWN"})
    void everyTaskTypeIsMapped(String raw, ApprovalMode expected) {
        assertEquals(expected, mapper.approvalMode(raw));
    }

    @ParameterizedTest
    @CsvSource({"Create,CREATE", "Update,UPDATE", "Invalid,INVALIDATE", "Delete,DELETE", "新建,UNKNOWN"})
    void everyTriggerTypeIsMapped(String raw, TriggerKind expected) {
        assertEquals(expected, mapper.triggerKind(raw));
    }

    @Test
    void missingValuesMapToUnknownAndAnUnknownStateKeepsItsRawValue() {
        assertEquals(ProcessState.UNKNOWN, mapper.processState(null));
        assertEquals(ApprovalMode.UNKNOWN, mapper.approvalMode(null));
        ApprovalInstance odd = new ApprovalInstance("i1", null, "d1", null, "suspended", Instant.EPOCH.plusSeconds(1),
                null, null, "flow", null, null, "AccountObj");
        ApprovalProcess p = mapper.toProcessHeader(odd);
        assertEquals(ProcessState.UNKNOWN, p.state());
        assertEquals("suspended", p.vendorStatus());
        assertEquals(TriggerKind.UNKNOWN, p.trigger());
        assertEquals(Optional.empty(), p.initiator());
        assertEquals(DefinitionRef.of("flow"), p.definition(), "no instance name: the api name is the name");
    }

    @Test
    void onASentBackNodeOnlyTheSenderReturnsAndTheTargetIsTheEarlierNodeReopened() {
        ApprovalTask first = new ApprovalTask("t1", "single", "pass", "f", Instant.ofEpochSecond(5), null, null,
                List.of(new ApprovalOpinion("agree", "ok", Instant.ofEpochSecond(8), "1002")), List.of(),
                List.of("1002"));
        ApprovalTask returned = new ApprovalTask("t2", "all_pass", "go_back", "f", Instant.ofEpochSecond(10), null,
                null, List.of(new ApprovalOpinion("agree", "fine by me", Instant.ofEpochSecond(15), "1004"),
                        new ApprovalOpinion("reject", "missing quote", Instant.ofEpochSecond(20), "1003")),
                List.of(), List.of("1004", "1003"));
        ApprovalTask reopened = new ApprovalTask("t3", "single", "in_progress", "f", Instant.ofEpochSecond(20), null,
                null, List.of(), List.of("1002"), List.of());
        List<Step> steps = mapper.toSteps("i1", List.of(first, returned, reopened));
        Task agreed = steps.get(1).tasks().get(0);
        Task sender = steps.get(1).tasks().get(1);
        assertEquals(TaskState.APPROVED, agreed.state(), "an agreement on a sent-back node stays an approval");
        assertEquals(TaskState.RETURNED, sender.state());
        assertEquals(Optional.of(StepId.of(ProcessId.of("i1"), "t1")), sender.decision().orElseThrow().returnTo(),
                "the earlier node whose persons the re-opened node has");
        assertEquals(2, steps.size(), "the re-opened node is the earlier step again, not a third one");
        assertEquals(TaskState.PENDING, steps.get(0).tasks().get(1).state());
    }

    @Test
    void aSentBackFirstNodeHasNoTargetSoItsReplyIsKeptAsUnknown() {
        ApprovalTask returned = new ApprovalTask("t1", "single", "go_back", "f", Instant.ofEpochSecond(10), null, null,
                List.of(new ApprovalOpinion("reject", "no", Instant.ofEpochSecond(20), "1003")), List.of(),
                List.of("1003"));
        Task t = mapper.toSteps("i1", List.of(returned)).get(0).tasks().get(0);
        assertEquals(TaskState.UNKNOWN, t.state());
        assertEquals("reject", t.vendorStatus());
    }

    @Test
    void oddVendorTextIsCleanedRatherThanFailingTheRead() {
        ApprovalInstance odd = new ApprovalInstance("i1", "Name\nwith break " + "x".repeat(300), "d1", "Create",
                "pass", Instant.ofEpochSecond(1), null, null, "flow", "1001", null, null);
        ApprovalProcess p = mapper.toProcessHeader(odd);
        assertEquals(256, p.definition().displayName().length());
        assertEquals("unknown", p.record().objectType(), "no objectApiName");
    }

    @Test
    void personsLeftWithoutReplyWhenANodeClosesAreCancelled() {
        ApprovalTask anyOf = new ApprovalTask("t1", "one_pass", "pass", "f", Instant.ofEpochSecond(10), null, null,
                List.of(new ApprovalOpinion("agree", "", Instant.ofEpochSecond(20), "1002")), List.of("1003"),
                List.of("1002"));
        List<Task> tasks = mapper.toSteps("i1", List.of(anyOf)).get(0).tasks();
        assertEquals(List.of(TaskState.APPROVED, TaskState.CANCELLED), tasks.stream().map(Task::state).toList());
        assertEquals(Optional.empty(), tasks.get(0).decision().orElseThrow().comment(), "blank opinion is no comment");
    }
}
