package org.openapproval.adapter.nocoly;

import java.util.regex.Pattern;

/**
 * HAP ids are 24-hex ObjectIds or GUIDs. Anything else cannot name a HAP object, so reads answer "not
 * found" without a request, and nothing odd ever reaches a URL path.
 */
final class NocolyIds {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private NocolyIds() {
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
