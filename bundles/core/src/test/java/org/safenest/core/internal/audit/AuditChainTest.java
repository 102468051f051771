package org.safenest.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;
import org.safenest.core.internal.UnitJpaTemplate;
import org.safenest.testsupport.UnitDatabase;

/** The audit chain on a real (in-memory Derby) database, with rows changed, removed and inserted by SQL. */
class AuditChainTest {

    private final UnitDatabase db = new UnitDatabase("safenest-core");
    private final JpaTemplate jpa = new UnitJpaTemplate(db);
    private final JpaAuditLog log = new JpaAuditLog(jpa);
    private final AuditChain chain = new AuditChain(jpa, AuditSeal.node());

    @AfterEach
    void close() {
        log.deactivate();
        db.close();
    }

    private List<Long> writeRecords(int n) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(log.record(AuditRecord.of("worker", "GET /api/regions", "kaohsiung", null, AuditOutcome.SUCCESS, "HTTP 200 #" + i)).id());
        }
        while (chain.chainPending() > 0) {
            // chain everything written
        }
        return ids;
    }

    private void sql(String statement) {
        db.required(em -> em.createNativeQuery(statement).executeUpdate());
    }

    @Test
    void anUntouchedLogVerifies() {
        writeRecords(5);
        AuditChain.Verification v = chain.verify();
        assertTrue(v.intact(), String.valueOf(v.firstProblem()));
        assertEquals(5, v.chained());
        assertNull(v.firstProblem());
    }

    @Test
    void anEditedRowIsReportedAsChanged() {
        List<Long> ids = writeRecords(5);
        sql("UPDATE SN_AUDIT SET ACTOR = 'someone-else' WHERE ID = " + ids.get(2));
        AuditChain.Verification v = chain.verify();
        assertEquals("changed", v.firstProblem().kind());
        assertEquals(ids.get(2), v.firstProblem().recordId());
        assertEquals(3L, v.firstProblem().position());
    }

    @Test
    void aRemovedRowIsReportedWithItsPosition() {
        List<Long> ids = writeRecords(5);
        sql("DELETE FROM SN_AUDIT WHERE ID = " + ids.get(1));
        AuditChain.Verification v = chain.verify();
        assertEquals("removed", v.firstProblem().kind());
        assertEquals(2L, v.firstProblem().position());
        sql("DELETE FROM SN_AUDIT WHERE ID = " + ids.get(4));
        sql("DELETE FROM SN_AUDIT WHERE ID = " + ids.get(3));
        sql("DELETE FROM SN_AUDIT WHERE ID = " + ids.get(2));
        sql("DELETE FROM SN_AUDIT WHERE ID = " + ids.get(1));
        AuditChain.Verification end = chain.verify();
        assertEquals("removed", end.firstProblem().kind(), "records removed at the end are missed by the head");
        assertEquals(2L, end.firstProblem().position());
    }

    @Test
    void anInsertedRowIsReported() {
        writeRecords(3);
        sql("INSERT INTO SN_AUDIT (ID, RECORDED_AT, ACTOR, ACTION, OUTCOME) VALUES (999999, CURRENT_TIMESTAMP, 'admin', 'config.update', 'SUCCESS')");
        AuditChain.Verification v = chain.verify();
        assertEquals("inserted", v.firstProblem().kind());
        assertEquals(999999L, v.firstProblem().recordId());
        chain.chainPending();
        assertEquals("inserted", chain.verify().firstProblem().kind(), "the chain never takes in a record without a valid seal");
        sql("UPDATE SN_AUDIT SET CHAIN_POS = 2, MAC = 'forged' WHERE ID = 999999");
        assertEquals("inserted", chain.verify().firstProblem().kind());
    }
}
