package org.openapproval.adapter.fxiaoke;

import java.util.regex.Pattern;
import org.openapproval.adapter.fxiaoke.client.FxiaokeErrorCodes;
import org.openapproval.core.domain.InvalidRequestException;

/**
 * The shapes of Fxiaoke's ids (fact sheet §2, §3): CRM employee ids ({@code 1000}) or open user ids
 * ({@code FSUID_…}) for users; 24-hex ObjectIds, {@code _id}s and api names ({@code ContractObj},
 * {@code field_x__c}) for objects. Anything else cannot name a Fxiaoke object or user, so it is refused (or
 * read as "no such process") before a request is made: no {@code /}, {@code ..}, {@code ?}, {@code #}, space
 * or control character ever reaches the vendor.
 */
final class FxiaokeIds {
    static final String USER_ID_SHAPE = "a CRM employee id or open user id: 1 to 64 letters, digits, '_' or '-'";
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private FxiaokeIds() {
    }

    static boolean isUserId(String id) {
        return id != null && USER.matcher(id).matches();
    }

    static boolean isId(String... ids) {
        for (String id : ids) {
            if (id == null || !ID.matcher(id).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The user id, or an {@link InvalidRequestException} naming {@code what} before any request. */
    static String requireUserId(String id, String what) {
        if (!isUserId(id)) {
            throw new InvalidRequestException(what + " is not a Fxiaoke user id (" + USER_ID_SHAPE + ")",
                    FxiaokeErrorCodes.FAILURES.context(), null);
        }
        return id;
    }
}
