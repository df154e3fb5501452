package org.openapproval.adapter.nocoly.dto;

/**
 * A HAP member as approval payloads carry it ({@code workItemAccount}, {@code createAccount}, …). The vendor
 * sends the name twice, as {@code fullName} and {@code fullname}; either may be null.
 */
public record HapAccount(String accountId, String fullName, String fullname) {
    public String displayName() {
        return fullName != null && !fullName.isBlank() ? fullName : fullname;
    }
}
