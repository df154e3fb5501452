package org.openapproval.adapter.fxiaoke.dto;

/**
 * The envelope every Fxiaoke answer carries. Business errors arrive inside HTTP 200, so {@code errorCode}
 * (0 = success) is checked on every response; {@code errorMessage} is for people only (the vendor warns
 * it may change).
 */
public interface FxiaokeEnvelope {
    Integer errorCode();

    String errorMessage();

    String traceId();
}
