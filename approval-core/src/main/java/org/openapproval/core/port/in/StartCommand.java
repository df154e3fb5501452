package org.openapproval.core.port.in;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapproval.core.domain.DefinitionRef;
import org.openapproval.core.domain.Identifiers;
import org.openapproval.core.domain.RecordRef;
import org.openapproval.core.domain.UserRef;

/**
 * Start (trigger) a definition, optionally on a record and as an initiator, with input values by input
 * name. Values are checked against the definition's required inputs before anything is sent, where the
 * provider can list definitions.
 *
 * <p>Not every vendor's start honours every part: see {@link StartInput}. A command that uses a part the
 * provider cannot honour is refused before any request, unless it was built with
 * {@link Builder#allowIgnoredInputs()}; then the {@link StartReceipt} lists what was ignored.
 *
 * <pre>{@code
 * StartCommand command = StartCommand.builder("expense")
 *         .record(RecordRef.of("Order", "SO-1001"))
 *         .initiator(UserRef.of("alice"))
 *         .input("amount", "120.00")
 *         .build();
 * }</pre>
 */
public final class StartCommand {
    static final int MAX_INPUTS = 200;
    static final int MAX_VALUE_LENGTH = 65_536;

    private final String definitionId;
    private final Optional<UserRef> initiator;
    private final Optional<RecordRef> record;
    private final Map<String, String> inputs;
    private final boolean ignoredInputsAllowed;

    private StartCommand(Builder b) {
        DefinitionRef.of(b.definitionId); // validates the id
        this.definitionId = b.definitionId;
        this.initiator = Optional.ofNullable(b.initiator);
        this.record = Optional.ofNullable(b.record);
        if (b.inputs.size() > MAX_INPUTS) {
            throw new IllegalArgumentException(b.inputs.size() + " inputs given; the limit is " + MAX_INPUTS);
        }
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputs));
        this.ignoredInputsAllowed = b.ignoredInputsAllowed;
    }

    /**
     * A command with input values only: no record, no initiator.
     *
     * @param definitionId the definition to start
     * @param inputs input values by input name; may be empty
     * @return the command
     */
    public static StartCommand of(String definitionId, Map<String, String> inputs) {
        return builder(definitionId).inputs(inputs).build();
    }

    /**
     * Starts building a command.
     *
     * @param definitionId the definition to start
     * @return a builder; call {@link Builder#build()} to finish
     */
    public static Builder builder(String definitionId) {
        return new Builder(Objects.requireNonNull(definitionId, "definitionId"));
    }

    /** @return the definition to start */
    public String definitionId() {
        return definitionId;
    }

    /** @return the user recorded as having started the process, or empty for the provider's default */
    public Optional<UserRef> initiator() {
        return initiator;
    }

    /** @return the business record the process runs on, or empty for none */
    public Optional<RecordRef> record() {
        return record;
    }

    /** @return input values by input name, in the order given; never null, may be empty */
    public Map<String, String> inputs() {
        return inputs;
    }

    /** @return true when the caller accepts that a provider ignores parts it cannot honour */
    public boolean ignoredInputsAllowed() {
        return ignoredInputsAllowed;
    }

    /** @return the parts of this command that carry something: record, initiator, inputs */
    public Set<StartInput> usedInputs() {
        EnumSet<StartInput> used = EnumSet.noneOf(StartInput.class);
        record.ifPresent(r -> used.add(StartInput.RECORD));
        initiator.ifPresent(u -> used.add(StartInput.INITIATOR));
        if (!inputs.isEmpty()) {
            used.add(StartInput.INPUTS);
        }
        return Collections.unmodifiableSet(used);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StartCommand c && c.definitionId.equals(definitionId) && c.initiator.equals(initiator)
                && c.record.equals(record) && c.inputs.equals(inputs) && c.ignoredInputsAllowed == ignoredInputsAllowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(definitionId, initiator, record, inputs, ignoredInputsAllowed);
    }

    @Override
    public String toString() {
        // Input values may be personal data; only their names are shown.
        return "StartCommand[definition=" + definitionId + ", initiator=" + initiator.map(Object::toString).orElse("-")
                + ", record=" + record.map(Object::toString).orElse("-") + ", inputs=" + inputs.keySet()
                + (ignoredInputsAllowed ? ", ignored inputs allowed" : "") + "]";
    }

    /** Builds a {@link StartCommand}; every setter validates its argument at once. */
    public static final class Builder {
        private final String definitionId;
        private UserRef initiator;
        private RecordRef record;
        private final Map<String, String> inputs = new LinkedHashMap<>();
        private boolean ignoredInputsAllowed;

        private Builder(String definitionId) {
            this.definitionId = definitionId;
        }

        /**
         * @param initiator the user recorded as having started the process
         * @return this builder
         */
        public Builder initiator(UserRef initiator) {
            this.initiator = Objects.requireNonNull(initiator, "initiator");
            return this;
        }

        /**
         * @param record the business record the process runs on
         * @return this builder
         */
        public Builder record(RecordRef record) {
            this.record = Objects.requireNonNull(record, "record");
            return this;
        }

        /**
         * Adds (or replaces) one input value.
         *
         * @param name the input's name, as the definition lists it
         * @param value the value; at most 65,536 characters
         * @return this builder
         */
        public Builder input(String name, String value) {
            Identifiers.requireSegment(name, "input name");
            Objects.requireNonNull(value, () -> "input '" + name + "' has no value");
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("input '" + name + "' is " + value.length()
                        + " characters long; the limit is " + MAX_VALUE_LENGTH);
            }
            inputs.put(name, value);
            return this;
        }

        /**
         * Adds (or replaces) input values.
         *
         * @param values input values by name
         * @return this builder
         */
        public Builder inputs(Map<String, String> values) {
            Objects.requireNonNull(values, "inputs").forEach(this::input);
            return this;
        }

        /**
         * Lets the provider ignore parts of the command its start cannot honour instead of refusing the
         * command; the {@link StartReceipt#ignoredInputs()} then names them.
         *
         * @return this builder
         */
        public Builder allowIgnoredInputs() {
            this.ignoredInputsAllowed = true;
            return this;
        }

        /** @return the command */
        public StartCommand build() {
            return new StartCommand(this);
        }
    }
}
