package org.openapproval.core.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The ids, references and decisions the aggregate is built from: each guards its own invariants. */
class ValueObjectsTest {

    private static final String OVERSIZED = "x".repeat(Identifiers.MAX_SEGMENT_LENGTH + 1);
    private static final String LONGEST = "x".repeat(Identifiers.MAX_SEGMENT_LENGTH);
    private static final ProcessId P1 = ProcessId.of("P1");
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    /** Each factory that takes one free-text segment, named so failures say which one broke. */
    static Stream<Arguments> segmentFactories() {
        return Stream.of(
                Arguments.of("process id segment", (Function<String, Object>) s -> new ProcessId(one(s))),
                Arguments.of("task id segment", (Function<String, Object>) s -> new TaskId(P1, one(s))),
                Arguments.of("step id segment", (Function<String, Object>) s -> new StepId(P1, one(s))),
                Arguments.of("record object type", (Function<String, Object>) s -> RecordRef.of(s, "C1")),
                Arguments.of("record id", (Function<String, Object>) s -> RecordRef.of("Contract", s)),
                Arguments.of("user id", (Function<String, Object>) UserRef::of),
                Arguments.of("user name", (Function<String, Object>) s -> new UserRef("u1", s)),
                Arguments.of("definition id", (Function<String, Object>) DefinitionRef::of),
                Arguments.of("definition name", (Function<String, Object>) s -> new DefinitionRef("flow", s)));
    }

    /** A one-element list that, unlike List.of, may hold null. */
    private static List<String> one(String segment) {
        return Arrays.asList(segment);
    }

    @Nested
    @DisplayName("segment rules shared by every id and reference")
    class SegmentRules {

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.openapproval.core.domain.ValueObjectsTest#segmentFactories")
        void blankIsRejected(String what, Function<String, Object> factory) {
            for (String blank : List.of("", "   ", "\t")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.apply(blank),
                        what + " accepted '" + blank + "'");
                assertEquals(what + " must not be blank", e.getMessage());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.openapproval.core.domain.ValueObjectsTest#segmentFactories")
        void oversizedIsRejectedButTheLimitItselfIsAccepted(String what, Function<String, Object> factory) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> factory.apply(OVERSIZED));
            assertEquals(what + " is 257 characters long; the limit is 256", e.getMessage());
            assertEquals(LONGEST.length(), 256);
            factory.apply(LONGEST); // exactly at the limit: fine
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.openapproval.core.domain.ValueObjectsTest#segmentFactories")
        void controlCharactersAreRejectedWithTheirCodeAndPosition(String what, Function<String, Object> factory) {
            IllegalArgumentException newline = assertThrows(IllegalArgumentException.class,
                    () -> factory.apply("ab\ncd"));
            assertEquals(what + " contains a control character (U+000A) at index 2", newline.getMessage());
            IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                    () -> factory.apply("a\u0000"));
            assertEquals(what + " contains a control character (U+0000) at index 1", nul.getMessage());
            IllegalArgumentException del = assertThrows(IllegalArgumentException.class,
                    () -> factory.apply("\u007Fa"));
            assertTrue(del.getMessage().contains("U+007F"), del.getMessage());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.openapproval.core.domain.ValueObjectsTest#segmentFactories")
        void nullIsRejectedNamingTheField(String what, Function<String, Object> factory) {
            // Like the rest of the code base (Objects.requireNonNull), null is reported as a
            // NullPointerException, not an IllegalArgumentException; the message names the field.
            NullPointerException e = assertThrows(NullPointerException.class, () -> factory.apply(null));
            assertEquals(what + " must not be null", e.getMessage());
        }

        @Test
        void nullSegmentAfterValidOnesIsRejectedToo() {
            NullPointerException e = assertThrows(NullPointerException.class,
                    () -> new ProcessId(Arrays.asList("a", null)));
            assertEquals("process id segment must not be null", e.getMessage());
            assertThrows(NullPointerException.class, () -> ProcessId.of((String) null));
        }

        @Test
        void theVarargsFactoriesApplyTheSameRules() {
            assertEquals("process id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> ProcessId.of("ok", " ")).getMessage());
            assertEquals("task id segment is 257 characters long; the limit is 256",
                    assertThrows(IllegalArgumentException.class, () -> TaskId.of(P1, OVERSIZED)).getMessage());
            assertEquals("step id segment contains a control character (U+0000) at index 0",
                    assertThrows(IllegalArgumentException.class, () -> StepId.of(P1, "\u0000")).getMessage());
        }

        @Test
        void unicodeTextThatIsNotControlIsAccepted() {
            assertEquals("审批-1 ✓", ProcessId.of("审批-1 ✓").segment(0));
            assertEquals("张三", new UserRef("u1", "张三").displayName());
        }
    }

    @Nested
    class ProcessIds {

        @Test
        void needsAtLeastOneAndAtMostEightSegments() {
            IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                    () -> new ProcessId(List.of()));
            assertEquals("process id needs at least one segment", none.getMessage());
            assertEquals("process id needs at least one segment",
                    assertThrows(IllegalArgumentException.class, () -> new ProcessId(null)).getMessage());
            IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                    () -> new ProcessId(Collections.nCopies(9, "s")));
            assertEquals("process id has 9 segments; the limit is 8", many.getMessage());
            assertEquals(8, new ProcessId(Collections.nCopies(8, "s")).segments().size());
        }

        @Test
        void segmentsAreCopiedDefensively() {
            List<String> mutable = new ArrayList<>(List.of("ws", "row"));
            ProcessId id = new ProcessId(mutable);
            mutable.add("extra");
            assertEquals(List.of("ws", "row"), id.segments());
            assertThrows(UnsupportedOperationException.class, () -> id.segments().add("x"));
        }

        @Test
        void valueJoinsSegmentsWithColonAndEscapesSpecialCharacters() {
            assertEquals("ws:row:inst", ProcessId.of("ws", "row", "inst").value());
            assertEquals("a%3Ab:c%2Fd:50%25", ProcessId.of("a:b", "c/d", "50%").value());
            assertEquals("ws:row", ProcessId.of("ws", "row").toString());
            assertEquals("row", ProcessId.of("ws", "row").segment(1));
        }

        @ParameterizedTest
        @MethodSource("org.openapproval.core.domain.ValueObjectsTest#awkwardSegmentLists")
        void parseReadsBackValueExactly(List<String> segments) {
            ProcessId id = new ProcessId(segments);
            ProcessId back = ProcessId.parse(id.value());
            assertEquals(id, back);
            assertEquals(segments, back.segments());
        }

        @Test
        void parseAcceptsLowerCaseEscapes() {
            assertEquals(ProcessId.of("a:b", "c/d"), ProcessId.parse("a%3ab:c%2fd"));
        }

        @Test
        void parseRejectsATaskOrStepId() {
            String taskValue = TaskId.of(P1, "1", "1").value();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProcessId.parse(taskValue));
            assertEquals("'P1/1:1' is a task or step id, not a process id", e.getMessage());
        }

        @Test
        void parseRejectsBrokenAndUnknownEscapes() {
            IllegalArgumentException broken = assertThrows(IllegalArgumentException.class,
                    () -> ProcessId.parse("ab%2"));
            assertEquals("process id 'ab%2' has a broken escape", broken.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> ProcessId.parse("ab%41"));
            assertEquals("process id 'ab%41' has an unknown escape %41", unknown.getMessage());
        }

        @Test
        void parseRejectsBlankAndEmptySegments() {
            assertEquals("process id must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> ProcessId.parse(" ")).getMessage());
            assertEquals("process id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> ProcessId.parse("a::b")).getMessage());
            assertEquals("process id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> ProcessId.parse("a:")).getMessage());
        }

        @Test
        void parseRejectsControlCharactersSmuggledThroughTheString() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProcessId.parse("a:b\nc"));
            assertTrue(e.getMessage().contains("control character (U+000A)"), e.getMessage());
        }

    }

    static Stream<List<String>> awkwardSegmentLists() {
        return Stream.of(
                List.of("P1"),
                List.of("ws", "row", "inst"),
                List.of("a:b", "c"),
                List.of("a/b/c"),
                List.of("100%", "%3A", "%25"),
                List.of(":", "/", "%"),
                List.of("  padded  ", "审批"),
                List.of(LONGEST, "a:b/c%d"));
    }

    @Nested
    class TaskAndStepIds {

        @Test
        void taskIdValueIsProcessSlashOwnSegments() {
            TaskId task = TaskId.of(ProcessId.of("obj", "rec"), "node", "7");
            assertEquals("obj:rec/node:7", task.value());
            assertEquals("obj:rec/node:7", task.toString());
            assertEquals("7", task.segment(1));
        }

        @Test
        void taskIdParseRoundTripsEscapedSegments() {
            TaskId task = TaskId.of(ProcessId.of("a/b", "c:d"), "e%f", "g/h:i");
            TaskId back = TaskId.parse(task.value());
            assertEquals(task, back);
            assertEquals(ProcessId.of("a/b", "c:d"), back.process());
            assertEquals(List.of("e%f", "g/h:i"), back.segments());
        }

        @Test
        void stepIdParseRoundTripsEscapedSegments() {
            StepId step = StepId.of(ProcessId.of("ws", "row:1"), "node/2", "50%");
            StepId back = StepId.parse(step.value());
            assertEquals(step, back);
            assertEquals("ws:row%3A1/node%2F2:50%25", step.value());
        }

        @Test
        void taskAndStepIdsNeedTheirProcessAndOwnSegments() {
            assertEquals("task id needs its process id", assertThrows(IllegalArgumentException.class,
                    () -> new TaskId(null, List.of("1"))).getMessage());
            assertEquals("step id needs its process id", assertThrows(IllegalArgumentException.class,
                    () -> new StepId(null, List.of("1"))).getMessage());
            assertEquals("task id needs at least one segment", assertThrows(IllegalArgumentException.class,
                    () -> new TaskId(P1, List.of())).getMessage());
            assertEquals("step id needs at least one segment", assertThrows(IllegalArgumentException.class,
                    () -> new StepId(P1, List.of())).getMessage());
        }



        @ParameterizedTest
        @ValueSource(strings = {"P1", "P1:1:2", "/1", "P1/", "P1/1/2", "a/b/c"})
        void taskIdParseRejectsStringsNotOfTheFormProcessSlashTask(String value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskId.parse(value));
            assertEquals("task id '" + value + "' is not of the form <process id>/<task>", e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"P1", "/1", "P1/", "P1/1/2"})
        void stepIdParseRejectsStringsNotOfTheFormProcessSlashStep(String value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepId.parse(value));
            assertEquals("step id '" + value + "' is not of the form <process id>/<step>", e.getMessage());
        }

        @Test
        void parseRejectsBlankInput() {
            assertEquals("task id must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> TaskId.parse(null)).getMessage());
            assertEquals("task id must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> TaskId.parse("  ")).getMessage());
            assertEquals("step id must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> StepId.parse("")).getMessage());
        }

        @Test
        void parseRejectsEmptySegmentsOnEitherSide() {
            assertEquals("process id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> TaskId.parse("P1:/1")).getMessage());
            assertEquals("task id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> TaskId.parse("P1/1::2")).getMessage());
            assertEquals("step id segment must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> StepId.parse("P1/1: ")).getMessage());
        }

        @Test
        void parseRejectsBrokenEscapesInEitherPart() {
            IllegalArgumentException inTask = assertThrows(IllegalArgumentException.class,
                    () -> TaskId.parse("P1/1%2"));
            assertTrue(inTask.getMessage().contains("broken escape"), inTask.getMessage());
            assertTrue(inTask.getMessage().startsWith("task id"), inTask.getMessage());
            IllegalArgumentException inProcess = assertThrows(IllegalArgumentException.class,
                    () -> StepId.parse("P%/1"));
            assertTrue(inProcess.getMessage().contains("broken escape"), inProcess.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> TaskId.parse("P1/1%zz"));
            assertTrue(unknown.getMessage().contains("unknown escape %zz"), unknown.getMessage());
        }
    }

    @Nested
    class RecordRefs {

        @Test
        void parseReadsTypeColonId() {
            RecordRef ref = RecordRef.parse("Contract:C1");
            assertEquals("Contract", ref.objectType());
            assertEquals("C1", ref.recordId());
            assertEquals(RecordRef.of("Contract", "C1"), ref);
        }

        @Test
        void valueRoundTripsEscapedParts() {
            RecordRef ref = RecordRef.of("ns:Obj__c", "row/1%");
            assertEquals("ns%3AObj__c:row%2F1%25", ref.value());
            assertEquals(ref, RecordRef.parse(ref.value()));
            assertEquals(ref.value(), ref.toString());
        }

        @ParameterizedTest
        @ValueSource(strings = {"Contract", "Contract:C1:extra"})
        void parseRejectsAnythingButTwoParts(String value) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordRef.parse(value));
            assertEquals("record reference '" + value + "' is not of the form <type>:<id>", e.getMessage());
        }

        @Test
        void parseRejectsEmptyParts() {
            assertEquals("record object type must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> RecordRef.parse(":C1")).getMessage());
            assertEquals("record id must not be blank",
                    assertThrows(IllegalArgumentException.class, () -> RecordRef.parse("Contract:")).getMessage());
        }
    }

    @Nested
    class Users {

        @Test
        void isSamePersonAsComparesIdsOnly() {
            UserRef alice = new UserRef("u1", "Alice");
            assertTrue(alice.isSamePersonAs(new UserRef("u1", "Alice Smith")));
            assertTrue(alice.isSamePersonAs(UserRef.of("u1")));
            assertFalse(alice.isSamePersonAs(new UserRef("u2", "Alice")));
            assertFalse(alice.isSamePersonAs(null));
            // identity is the vendor id: display names may differ between reads
            assertEquals(alice, new UserRef("u1", "Alice Smith"));
            assertEquals(alice.hashCode(), new UserRef("u1", "Alice Smith").hashCode());
        }

        @Test
        void userAndDefinitionOfUseTheIdAsNameAndToStringShowsBothWhenTheyDiffer() {
            assertEquals("u1", UserRef.of("u1").displayName());
            assertEquals("u1", UserRef.of("u1").toString());
            assertEquals("Alice (u1)", new UserRef("u1", "Alice").toString());
            assertEquals("flow", DefinitionRef.of("flow").displayName());
            assertEquals("Contract flow (flow)", new DefinitionRef("flow", "Contract flow").toString());
        }

    }

    @Nested
    class Decisions {
        private final UserRef alice = UserRef.of("alice");
        private final StepId step1 = StepId.of(P1, "1");

        @Test
        void factoriesBuildTheExpectedVerdicts() {
            Decision approve = Decision.approve(alice, "ok", T0);
            assertEquals(Verdict.APPROVE, approve.verdict());
            assertEquals(Optional.of("ok"), approve.comment());
            assertEquals(Optional.empty(), approve.returnTo());
            assertEquals(Optional.of(T0), approve.time());
            assertEquals(List.of(), approve.attachments());

            Decision reject = Decision.reject(alice, null, T0);
            assertEquals(Verdict.REJECT, reject.verdict());
            assertEquals(Optional.empty(), reject.comment());

            Decision back = Decision.returnTo(step1, alice, "fix", T0);
            assertEquals(Verdict.RETURN, back.verdict());
            assertEquals(Optional.of(step1), back.returnTo());
        }

        @Test
        void returnNeedsATarget() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Decision(
                    Verdict.RETURN, alice, Optional.empty(), T0, Optional.empty(), List.of()));
            assertEquals("a RETURN decision needs the step to return to", e.getMessage());
            NullPointerException npe = assertThrows(NullPointerException.class,
                    () -> Decision.returnTo(null, alice, null, T0));
            assertEquals("target", npe.getMessage());
        }

        @Test
        void onlyReturnNamesATarget() {
            IllegalArgumentException approve = assertThrows(IllegalArgumentException.class, () -> new Decision(
                    Verdict.APPROVE, alice, Optional.empty(), T0, Optional.of(step1), List.of()));
            assertEquals("only a RETURN decision names a step to return to, not APPROVE", approve.getMessage());
            IllegalArgumentException reject = assertThrows(IllegalArgumentException.class, () -> new Decision(
                    Verdict.REJECT, alice, Optional.empty(), T0, Optional.of(step1), List.of()));
            assertTrue(reject.getMessage().endsWith("not REJECT"), reject.getMessage());
        }


        @ParameterizedTest
        @ValueSource(strings = {"", " ", "\n\t "})
        void blankCommentIsRejected(String comment) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Decision.approve(alice, comment, T0));
            assertEquals("comment must not be blank", e.getMessage());
        }

        @Test
        void commentIsBoundedAt4000Characters() {
            String longest = "c".repeat(Decision.MAX_COMMENT_LENGTH);
            assertEquals(4000, Decision.MAX_COMMENT_LENGTH);
            assertEquals(Optional.of(longest), Decision.reject(alice, longest, T0).comment());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Decision.reject(alice, longest + "c", T0));
            assertEquals("comment is 4001 characters long; the limit is 4000", e.getMessage());
        }

        @Test
        void commentMayHoldLineBreaksAndTabsButNoOtherControlCharacters() {
            String multiLine = "line one\nline two\r\n\tindented";
            assertEquals(Optional.of(multiLine), Decision.approve(alice, multiLine, T0).comment());
            assertEquals(multiLine, Decision.checkComment(multiLine));
            IllegalArgumentException bell = assertThrows(IllegalArgumentException.class,
                    () -> Decision.approve(alice, "ok\u0007", T0));
            assertEquals("comment contains a control character (U+0007) at index 2", bell.getMessage());
            IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
                    () -> Decision.checkComment("\u0000ok"));
            assertEquals("comment contains a control character (U+0000) at index 0", nul.getMessage());
        }

    }

    @Nested
    class Policies {

        @Test
        void requiredAndOptionalComments() {
            for (Verdict v : Verdict.values()) {
                assertTrue(DecisionPolicy.commentsRequired().requiresComment(v), v.name());
                assertFalse(DecisionPolicy.commentsOptional().requiresComment(v), v.name());
            }
            DecisionPolicy rejectOnly = new DecisionPolicy(java.util.Set.of(Verdict.REJECT));
            assertTrue(rejectOnly.requiresComment(Verdict.REJECT));
            assertFalse(rejectOnly.requiresComment(Verdict.APPROVE));
        }

        @Test
        void stepPlanRejectsASingleStepWithSeveralAssignees() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StepPlan.approval(
                    "Manager", ApprovalMode.SINGLE, UserRef.of("a"), UserRef.of("b")));
            assertEquals("step 'Manager' is SINGLE but has 2 assignees", e.getMessage());
            assertEquals("step name must not be blank", assertThrows(IllegalArgumentException.class,
                    () -> StepPlan.approval(" ", ApprovalMode.ANY_OF, UserRef.of("a"))).getMessage());
        }

    }
}
