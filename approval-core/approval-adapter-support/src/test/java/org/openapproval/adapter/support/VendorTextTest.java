package org.openapproval.adapter.support;

import org.openapproval.core.domain.Decision;
import org.openapproval.core.domain.DefinitionRef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class VendorTextTest {
    @Test
    void namesBecomeOneBoundedLineTheDomainAccepts() {
        assertEquals("审批 1", VendorText.name(" 审批\n 1\u202E "));
        assertEquals(256, VendorText.name("x".repeat(300)).length());
        assertNull(VendorText.name(" \u0000 "));
        assertNull(VendorText.name(null));
        DefinitionRef.of(VendorText.name("a\u2028b")); // accepted by the domain's own rules
    }

    @Test
    void commentsKeepLineBreaksButNoOtherControls() {
        assertEquals("ok\nfine", VendorText.comment("ok\u0007\nfine"));
        assertEquals(Decision.MAX_COMMENT_LENGTH, VendorText.comment("y".repeat(5000)).length());
        assertNull(VendorText.comment("   "));
    }

    @Test
    void cleanTextIsReturnedAsItIsAndSurrogatePairsSurviveTheCleaning() {
        String clean = "审批 Step 😀";
        assertSame(clean, VendorText.name(clean), "nothing dropped, nothing copied");
        assertSame(clean, VendorText.comment(clean));
        assertEquals("a😀b", VendorText.name("a\u0000😀\u200Bb"), "format characters dropped from names");
        assertEquals("a😀\u200Bb\tc", VendorText.comment("a\u0000😀\u200Bb\tc\u2029"), "kept in comments");
    }
}
