/**
 * A wire-faithful simulator of the Fxiaoke (纷享销客) CRM OpenAPI approval endpoints:
 * {@link org.openapproval.sandbox.fxiaoke.FxiaokeSandbox}.
 *
 * <p>Written from the vendor fact sheet ({@code shared/vendors/fxiaoke.md}) only, never from the adapter's
 * code, and it depends on none of the adapter's packages (nor they on it), so a misread field cannot hide
 * on both sides of the wire.
 *
 * <p>Simulated: {@code POST /oauth2.0/token}, {@code POST /cgi/corpAccessToken/get/V2},
 * {@code /cgi/crm/object/approvalInstances/query}, {@code /cgi/crm/approvalInstance/get},
 * {@code /cgi/crm/approvalInstances/query}, {@code /cgi/crm/v2/data/query} (ApprovalTaskObj only),
 * {@code /cgi/crm/approvalTask/action}, {@code /cgi/crm/v2/special/approval/rejectToBeforeTask} and
 * {@code /cgi/crm/v2/special/approval/instance/cancel}. Every other path answers errorCode 10006.
 *
 * <p>Never produced (documented vendor values the sandbox has no trigger for): instance state
 * {@code error}; task states {@code auto_pass}, {@code auto_go_back}, {@code schedule}, {@code error}.
 *
 * <p>Behaviour chosen where the fact sheet is UNVERIFIED (each marked "UNVERIFIED" at its place):
 * <ul>
 *   <li>missing, malformed or reused {@code thirdTraceId} → 15002; an id counts as used once received,
 *       even when the request then fails;</li>
 *   <li>missing/other {@code grantType} → 15002;</li>
 *   <li>token endpoint limits: each endpoint has its own sliding minute of 10 calls; calls refused with
 *       14001 do not count; a concurrent call is refused with 14001;</li>
 *   <li>an accessToken is not accepted in legacy body style, nor a corpAccessToken in header style;</li>
 *   <li>missing acting user ({@code x-fs-userid} / {@code currentOpenUserId}) → 10010;
 *       {@code currentOpenUserId} is the CRM employee id, not an FSUID_ openUserId;</li>
 *   <li>unknown instanceId on {@code approvalInstance/get} → errorCode 0 with {@code instanceDetail: null};</li>
 *   <li>{@code cancelTime} is a number: 0 until cancelled, then epoch ms;</li>
 *   <li>task fields {@code type}, {@code unCompletePersons}, {@code completeOpenPersons}; ended tasks list
 *       no uncompleted persons;</li>
 *   <li>ApprovalTaskObj {@code _id} equals the task id of {@code approvalInstance/get};
 *       {@code activity_id} is a numeric string;</li>
 *   <li>{@code v2/data/query}: {@code limit} required; default order create_time then _id; only operators
 *       EQ, IN, HASANYOF, GT and the record fields listed in {@code TaskObjectQuery} are simulated (others
 *       → 32000); {@code find_explicit_total_num} defaults to true;</li>
 *   <li>{@code approvalInstances/query}: pageSize above 100 → 32000; an undocumented {@code state} value
 *       → 32000;</li>
 *   <li>write errors (unknown task, task not in progress, actor not pending, bad reject target, no
 *       approval to cancel) → 32000 with a descriptive errorMessage; a blank opinion counts as missing;</li>
 *   <li>a valid reject target is a passed task created earlier, at a node before the current one;</li>
 *   <li>a go-back records the actor's opinion with actionType {@code reject};
 *       {@code moveToCurrentActivityWhenReject=true} makes the re-opened node, once passed, jump back to
 *       the rejecting node;</li>
 *   <li>any known employee may cancel; {@code Content-Type} is not checked;</li>
 *   <li>no definition list endpoint: {@code seedDefinition} only reserves a flowApiName.</li>
 * </ul>
 *
 * <p>Seeding maps neutral steps to Fxiaoke nodes: SINGLE → {@code single}, ANY_OF → {@code one_pass},
 * ALL_OF → {@code all_pass}, SEQUENTIAL → one {@code single} node per assignee (Fxiaoke has no sequential
 * task type); NOTIFY/SYSTEM steps and steps without assignees produce no task.
 */
package org.openapproval.sandbox.fxiaoke;
