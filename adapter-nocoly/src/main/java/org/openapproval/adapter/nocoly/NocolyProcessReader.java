package org.openapproval.adapter.nocoly;

import static org.openapproval.adapter.nocoly.client.NocolyErrorCodes.FAILURES;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openapproval.adapter.nocoly.client.NocolyV3Api;
import org.openapproval.adapter.nocoly.dto.ApprovalDetail;
import org.openapproval.adapter.nocoly.dto.ApprovalListRequest;
import org.openapproval.adapter.nocoly.dto.ApprovalSummary;
import org.openapproval.adapter.nocoly.mapping.NocolyProcessMapper;
import org.openapproval.core.domain.ApprovalException;
import org.openapproval.core.domain.ApprovalProcess;
import org.openapproval.core.domain.NotFoundException;
import org.openapproval.core.domain.ProcessId;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.VendorProtocolException;
import org.openapproval.core.port.out.ProcessReader;

/** W4 (executions of a row) and W5 (one execution) of the V3 application API. */
final class NocolyProcessReader implements ProcessReader {
    /** W4's paging fields are unverified; one generous page is asked for. */
    static final int LIST_PAGE_SIZE = 100;
    private static final System.Logger LOG = System.getLogger(NocolyProcessReader.class.getName());
    private final NocolyV3Api api;
    private final NocolyProcessMapper mapper;

    @Inject
    NocolyProcessReader(NocolyV3Api api, NocolyProcessMapper mapper) {
        this.api = api;
        this.mapper = mapper;
    }

    @Override
    public Optional<ApprovalProcess> process(ProcessId id) {
        if (id.segments().size() != 3 || !NocolyIds.valid(id.segment(0), id.segment(1), id.segment(2))) {
            return Optional.empty(); // not a worksheet:row:instance id, so no such execution
        }
        ApprovalDetail detail;
        try {
            detail = FAILURES.call(() -> api.approval(id.segment(0), id.segment(1), id.segment(2))).data();
        } catch (NotFoundException e) {
            return Optional.empty();
        }
        if (detail == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.toProcess(id, detail));
        } catch (ApprovalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VendorProtocolException("HAP execution " + id + " could not be mapped: " + e.getMessage(),
                    FAILURES.context(), e);
        }
    }

    @Override
    public List<ApprovalProcess> processesOf(RecordRef record) {
        if (!NocolyIds.valid(record.objectType(), record.recordId())) {
            return List.of();
        }
        List<ApprovalSummary> summaries;
        try {
            summaries = FAILURES.call(() -> api.approvals(record.objectType(), record.recordId(),
                    new ApprovalListRequest(1, LIST_PAGE_SIZE))).data();
        } catch (NotFoundException e) {
            return List.of();
        }
        if (summaries.size() >= LIST_PAGE_SIZE) {
            LOG.log(System.Logger.Level.WARNING, "row {0} lists {1} or more approval executions; only the first page "
                    + "is read (W4 paging is undocumented)", record, LIST_PAGE_SIZE);
        }
        List<ApprovalProcess> processes = new ArrayList<>();
        for (ApprovalSummary summary : summaries) {
            if (summary.id() == null) {
                continue;
            }
            process(ProcessId.of(record.objectType(), record.recordId(), summary.id())).ifPresent(processes::add);
        }
        processes.sort(java.util.Comparator.comparing(ApprovalProcess::createdAt));
        return processes;
    }
}
