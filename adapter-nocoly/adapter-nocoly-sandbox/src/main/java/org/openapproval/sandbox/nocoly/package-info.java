/**
 * A wire-faithful simulator of the Nocoly / Mingdao HAP (明道云) approval APIs:
 * {@link org.openapproval.sandbox.nocoly.NocolySandbox}.
 *
 * <p>Written from the vendor fact sheet ({@code shared/vendors/nocoly.md}) and the vendor's W5 page
 * ({@code seed-nocoly-approval-execution-detail.txt}) only, never from the adapter's code, and it depends on
 * none of the adapter's packages (nor they on it), so a misread field cannot hide on both sides of the wire.
 *
 * <p>Simulated, on one server: the V3 application API with {@code HAP-Appkey}/{@code HAP-Sign} headers —
 * W1 {@code GET /v3/app/workflow/processes}, W2 {@code GET /v3/app/workflow/processes/{process_id}},
 * W3 {@code POST /v3/app/workflow/hooks/{process_id}},
 * W4 {@code POST /v3/app/workflow/{worksheet_id}/rows/{row_id}/approval/list},
 * W5 {@code GET /v3/app/workflow/{worksheet_id}/rows/{row_id}/approval/{approval_id}} — and the organization
 * API with the timestamped org-key signature in the query: {@code POST /workflow/v1/instance/batch} (4 pass,
 * 5 reject) and {@code POST /workflow/v1/instance/getTodoList}. Every other path answers HTTP 404.
 *
 * <p>Never produced (documented vendor values the sandbox has no trigger for): instance status 4
 * (terminated/failed) and 6 (withdrawn); node types other than 0/3/4/5; work item operationTypes 2, 3 and the
 * read state of carbon copies; process type 6 (webhook); input types other than 2, 6 or a numeric code given
 * by the seed; output parameters.
 *
 * <p>Behaviour chosen where the documents are UNVERIFIED (each marked "UNVERIFIED" at its place):
 * <ul>
 *   <li>V3 auth errors (10101 missing/unknown {@code HAP-Appkey}, 10102 missing/wrong {@code HAP-Sign}) and
 *       all business errors are HTTP 200 with the envelope; a community report says 401 for a bad sign;</li>
 *   <li>V3 error codes are the V2 list; error envelope {@code success false, error_code, error_msg,
 *       data null}; success envelope carries {@code error_msg ""};</li>
 *   <li>AppKey / org key formats (16 and 32 lower hex); the app Sign is Base64 of 64 lower hex digits like the
 *       docs' sample (what the vendor hashes is unknown and irrelevant);</li>
 *   <li>org API: parameters only in the query, decoded the form way ('+' = space); missing parameter → 10001,
 *       non-numeric timestamp → 10002, unknown appKey → 10101, wrong sign → 10102, timestamp more than
 *       5 minutes from the sandbox clock (either way) → 10102; error envelope {@code status 0, code, msg};</li>
 *   <li>unknown path → plain HTTP 404, wrong method → 405 with {@code Allow}; neither uses up a fault;</li>
 *   <li>W1 lists only processes made by {@code seedDefinition} (type 10, {@code status} 1, alias "",
 *       description ""); {@code _createdAt}/{@code _updatedAt} in the sandbox clock's zone; input alias "";</li>
 *   <li>W2 also describes a process W1 does not list (a worksheet approval flow seeded by {@code seedProcess});</li>
 *   <li>W3: only W1-listed processes are triggerable (others → 10007); a missing, null or blank required
 *       input → 10001 naming it; a number input must be a JSON number or numeric string (else 10002); unknown
 *       keys are ignored; outputs are {@code {}} and no instance id is returned; enveloped by default, bare
 *       outputs when switched ({@code answerHooksWithBareOutputs}), errors enveloped either way; a W3 call
 *       creates no approval instance;</li>
 *   <li>W4: the whole item shape ({@code id, processId, processName, status, title, createDate, completeDate,
 *       createAccount{accountId, fullName}, currentWorkIds}); {@code data} is an array, oldest first; paging
 *       only when {@code pageIndex}/{@code pageSize} is sent (default size 20 then); unknown row → [];
 *       unknown worksheet → 10007;</li>
 *   <li>W5: {@code currentWork} null (as in the example); {@code currentWorkItem} = the oldest pending item of
 *       the current work (app-key auth has no viewing user), null once ended; top-level {@code flowNode} =
 *       that item's node with its real id and type (the example's are placeholders), null once ended;
 *       {@code operationTypeList} [[4,5,12]] for an approval item, [[9,12]] for a fill-in item, [] when
 *       nothing is pending; {@code operationUserRange} {} and {@code opinionTemplate} without opinions;
 *       {@code ownerAccount} = {@code createAccount} = the initiator; {@code parentId} a fixed second id per
 *       process; {@code sort} always 1 (as both example works); {@code nextId} ""; work {@code countersign}
 *       null on the start node, true on countersign nodes, false otherwise; decided items get a
 *       {@code workItemLog} with action 4 pass / 5 overrule / 1 submit; {@code opinionType} and
 *       {@code viewTime} stay null; timestamps at second precision ({@code .000Z});</li>
 *   <li>batch: all-or-nothing, every select checked first; unknown instance, a work not in
 *       {@code currentWorkIds}, no pending item of {@code accountId}, the same instance twice, overruling a
 *       fill-in node, or a {@code batchOperationType} other than 4/5 → status 0, code 10002 naming the
 *       problem; missing {@code batchOperationType}/{@code selects}/ids or a blank body → 10001;
 *       {@code opinion} accepted on both; passing a fill-in node submits it (operationType 1); items left
 *       pending when their node is settled become 5 with no {@code operationTime};</li>
 *   <li>to-do list: {@code type} 4 approval, 3 fill-in, -1 (also when absent) both, 5 unread carbon copies,
 *       other values → 10002; page size 20 when absent; items carry {@code worksheetId} and {@code rowId}
 *       (not documented) and ISO timestamps; an unknown account simply has no to-dos;</li>
 *   <li>EXPIRED_CREDENTIALS: HAP signs do not expire, so the request is refused like wrong credentials (10102
 *       on either API) and a client cannot recover by refreshing.</li>
 * </ul>
 *
 * <p>Seeding maps neutral steps to HAP nodes after a start node (type 0, the initiator's item submitted, 9):
 * APPROVAL → type 4, FILL_IN → type 3, NOTIFY → type 5 (reached and passed through at once); SINGLE →
 * countersignType null, ANY_OF → 2, ALL_OF → 1, SEQUENTIAL → one single-approver node per assignee in order
 * (HAP has no sequential type here), UNKNOWN mode → 2 (null for one assignee), UNKNOWN kind → type 4. START/SYSTEM steps and steps
 * without assignees produce no node; a seed with no approval or fill-in node is refused. One worksheet per
 * sandbox, a new row per seed ({@code seedProcess(RecordRef, ProcessSeed)} adds an instance to an existing
 * row), one process per definition name.
 */
package org.openapproval.sandbox.nocoly;
