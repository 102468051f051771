package org.safenest.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditQuery;
import org.safenest.api.audit.AuditRecord;

class AuditResourceTest {

    @Test
    void cellsThatASpreadsheetWouldTakeForAFormulaStayText() {
        assertEquals("'=HYPERLINK(\"x\")", AuditResource.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditResource.cell("+1"));
        assertEquals("'@SUM(A1)", AuditResource.cell("@SUM(A1)"));
        assertEquals("user.create", AuditResource.cell("user.create"));
        assertEquals("-3 days", AuditResource.cell("-3 days"));
        assertEquals("蓮花市", AuditResource.cell("蓮花市"));
        assertNull(AuditResource.cell(null));
    }

    @Test
    void theFilterMatchesActionByContainedTextTargetAndOutcomeExactly() {
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        AuditRecord created = new AuditRecord(1, at, "admin", "user.create", null, "kh-analyst", AuditOutcome.SUCCESS, null);
        AuditQuery users = new AuditQuery(null, null, null, null, 0, 10, "user.", "kh-analyst", AuditOutcome.SUCCESS);
        assertTrue(users.matches(created));
        assertFalse(users.matches(new AuditRecord(2, at, "admin", "user.create", null, "other", AuditOutcome.SUCCESS, null)));
        assertFalse(users.matches(new AuditRecord(3, at, "admin", "region.create", null, "kh-analyst", AuditOutcome.SUCCESS, null)));
        assertFalse(users.matches(new AuditRecord(4, at, "admin", "user.create", null, "kh-analyst", AuditOutcome.REJECTED, null)));
        AuditQuery period = new AuditQuery("admin", null, at, at.plusSeconds(1), 0, 10);
        assertTrue(period.matches(created));
        assertFalse(period.page(0, 10).matches(new AuditRecord(5, at.plusSeconds(1), "admin", "x", null, null, AuditOutcome.SUCCESS, null)));
    }
}
