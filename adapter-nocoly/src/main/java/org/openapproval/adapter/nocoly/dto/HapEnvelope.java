package org.openapproval.adapter.nocoly.dto;

/**
 * The V3 envelope {@code {success, error_code, error_msg, data}}: {@code error_code} 1 means success, and
 * business errors arrive inside HTTP 200.
 */
public interface HapEnvelope {
    Boolean success();

    Integer errorCode();

    String errorMsg();
}
