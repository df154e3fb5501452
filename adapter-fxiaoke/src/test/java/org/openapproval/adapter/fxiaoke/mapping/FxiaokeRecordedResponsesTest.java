package org.openapproval.adapter.fxiaoke.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapproval.adapter.fxiaoke.dto.ApprovalInstancesQueryResponse;
import org.openapproval.adapter.fxiaoke.dto.ApprovalTaskRecord;
import org.openapproval.adapter.fxiaoke.dto.CorpAccessTokenResponse;
import org.openapproval.adapter.fxiaoke.dto.DataQueryResponse;
import org.openapproval.adapter.fxiaoke.dto.EnvelopeResponse;
import org.openapproval.adapter.support.VendorJson;
import org.openapproval.adapter.fxiaoke.dto.TokenResponse;
import org.openapproval.core.domain.ProcessState;

/** Recorded answers of the remaining endpoints, in the fact sheet's field names, through Jackson. */
class FxiaokeRecordedResponsesTest {
    private final ObjectMapper json = VendorJson.create();

    private <T> T read(String resource, Class<T> type) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fxiaoke/" + resource)) {
            return json.readValue(in, type);
        }
    }

    @Test
    void approvalInstancesQueryReadsItsQueryResult() throws IOException {
        ApprovalInstancesQueryResponse r = read("approval-instances-query.json", ApprovalInstancesQueryResponse.class);
        assertEquals(2L, r.queryResult().total());
        assertEquals(ProcessState.REJECTED,
                new FxiaokeProcessMapperImpl().toProcessHeader(r.queryResult().instanceList().get(0)).state());
    }

    @Test
    void approvalTaskObjRecordsReadTheirSnakeCaseFields() throws IOException {
        DataQueryResponse r = read("approval-task-obj-query.json", DataQueryResponse.class);
        ApprovalTaskRecord task = r.data().dataList().get(0);
        assertEquals("task-b", task.id());
        assertEquals("65e7f1c2a1b2c3d4e5f60719", task.workflowInstanceId());
        assertEquals(List.of("1003", "1004"), task.candidateIds());
        assertEquals(Instant.ofEpochMilli(1709383600000L), task.createTime());
        assertEquals(1L, r.data().total());
    }

    @Test
    void bothTokenAnswersAndTheBareEnvelopeRead() throws IOException {
        TokenResponse t = read("token.json", TokenResponse.class);
        assertEquals("AT08-example", t.accessToken());
        assertEquals(7084L, t.expiresIn());
        assertEquals("fs_ea_1", t.ea());
        CorpAccessTokenResponse c = read("corp-access-token.json", CorpAccessTokenResponse.class);
        assertEquals("CAT-example", c.corpAccessToken());
        assertEquals("FSCID_1", c.corpId());
        EnvelopeResponse e = read("error-envelope.json", EnvelopeResponse.class);
        assertEquals(20016, e.errorCode());
        assertEquals("E-O.6", e.traceId());
    }
}
