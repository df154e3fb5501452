package org.openapproval.adapter.nocoly;

import java.util.regex.Pattern;
import org.openapproval.adapter.nocoly.client.NocolyErrorCodes;
import org.openapproval.core.domain.InvalidRequestException;

/**
 * HAP ids are 24-hex ObjectIds or GUIDs. Anything else cannot name a HAP object, so reads answer "not
 * found" without a request, and nothing odd ever reaches a URL path.
 */
final class NocolyIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private NocolyIds() {
    }

    /** The account id, or an {@link InvalidRequestException} naming {@code what} before any request. */
    static String requireAccountId(String id, String what) {
        if (!valid(id)) {
            throw new InvalidRequestException(what + " is not a HAP account id (1 to 64 letters, digits, '_' or '-')",
                    NocolyErrorCodes.FAILURES.context(), null);
        }
        return id;
    }

    static boolean valid(String... ids) {
        for (String id : ids) {
            if (id == null || !ID.matcher(id).matches()) {
                return false;
            }
        }
        return true;
    }
}
