package org.openapproval.adapter.nocoly.dto;

/** One input of a process (W2 {@code inputParameters[]}): {@code type} is HAP's field-type code. */
public record ProcessInputParameter(String id, String name, String alias, Integer type, String description,
                                    Boolean required) {
}
