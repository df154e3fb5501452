package org.openapproval.adapter.fxiaoke;

import static org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.fxiaoke.client.FxiaokeReadApi;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstance;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceDetail;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstanceGetRequest;
import org.openapproval.adapter.fxiaoke.dto.ObjectApprovalInstancesRequest;
import org.openapproval.adapter.fxiaoke.mapping.FxiaokeProcessMapper;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.out.ProcessReader;

/** Processes of a record ({@code object/approvalInstances/query}) and one process ({@code approvalInstance/get}). */
final class FxiaokeProcessReader implements ProcessReader {
    private final FxiaokeReadApi api;
    private final FxiaokeSettings settings;
    private final FxiaokeProcessMapper mapper;

    @Inject
    FxiaokeProcessReader(FxiaokeReadApi api, FxiaokeSettings settings, FxiaokeProcessMapper mapper) {
        this.api = api;
        this.settings = settings;
        this.mapper = mapper;
    }

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        if (id.segments().size() != 1 || !FxiaokeIds.isId(id.segment(0))) {
            return Optional.empty(); // not shaped like a Fxiaoke instance id, so no such process here
        }
        return detail(id.segment(0), settings.defaultUserId()).map(this::map);
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        if (!FxiaokeIds.isId(record.objectType(), record.recordId())) {
            return List.of(); // cannot name a Fxiaoke record: no request, no processes
        }
        List<ApprovalInstance> instances = FAILURES.call(() -> api.objectApprovalInstances(settings.defaultUserId(),
                new ObjectApprovalInstancesRequest(record.recordId()))).instances();
        return instances.stream()
                // dataId is unique across objects in practice, but the record's type is checked when the vendor says it
                .filter(i -> i.objectApiName() == null || i.objectApiName().equals(record.objectType()))
                .sorted(Comparator.comparing(ApprovalInstance::createTime,
                        Comparator.nullsFirst(Comparator.<Instant>naturalOrder())))
                .map(i -> detail(i.instanceId(), settings.defaultUserId()).map(this::map)
                        .orElseGet(() -> header(i)))
                .toList();
    }

    Optional<ApprovalInstanceDetail> detail(String instanceId, String actingUser) {
        ApprovalInstanceDetail detail = FAILURES.call(() -> api.approvalInstance(actingUser,
                new ApprovalInstanceGetRequest(instanceId))).instanceDetail();
        return detail == null || detail.instance() == null ? Optional.empty() : Optional.of(detail);
    }

    ApprovalProcess map(ApprovalInstanceDetail detail) {
        try {
            return mapper.toProcess(detail);
        } catch (ApprovalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unmappable(detail.instance().instanceId(), e);
        }
    }

    ApprovalProcess header(ApprovalInstance instance) {
        try {
            return mapper.toProcessHeader(instance);
        } catch (RuntimeException e) {
            throw unmappable(instance.instanceId(), e);
        }
    }

    private static VendorProtocolException unmappable(String instanceId, RuntimeException e) {
        return new VendorProtocolException("Fxiaoke instance " + instanceId + " could not be mapped: " + e.getMessage(),
                FAILURES.context(), e);
    }
}
