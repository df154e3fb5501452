package org.openapproval.adapter.nocoly.dto;

/**
 * The organization API's envelope {@code {status, data, msg}} (errors add {@code code}); some pages name
 * the V3 fields instead, so both are read.
 */
public interface OrgEnvelope {
    Integer status();

    Integer code();

    String msg();
}
