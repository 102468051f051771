package org.safenest.intake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.safenest.intake.internal.TestSupport.INTAKE;
import static org.safenest.intake.internal.TestSupport.NOW;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.intake.IntakeReceipt;
import org.safenest.api.intake.IntakeReport;
import org.safenest.api.intake.ReportedChild;

/**
 * The personal-data guard at the intake window, per region: refuse (the default) answers the fields that carry personal
 * data and writes nothing; warn records the report and says what it found. All strings are synthetic.
 */
class IntakePersonalDataTest {

    private TestSupport t;

    @BeforeEach
    void open() {
        t = new TestSupport();
    }

    @AfterEach
    void close() {
        t.close();
    }

    private static IntakeReport withPersonalData(String id) {
        return new IntakeReport(id, NOW.minusSeconds(3600), "child-protection", "sanmin", null,
                List.of(new ReportedChild(6, "C-1"), new ReportedChild(4, "陳美玲")), "王小明",
                "Synthetic: 學校通報案主多次瘀傷，聯絡電話 0912-345-678", "school");
    }

    @Test
    void refusedByDefaultWithEveryFieldNamedAndNothingWritten() {
        long before = t.rows();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> t.service.submit(INTAKE, "kaohsiung", withPersonalData("pd-1")));
        assertEquals(before, t.rows(), "a refused report writes nothing");
        Map<String, String> fields = new TreeMap<>();
        for (FieldError f : e.errors()) {
            fields.put(f.field(), f.code());
            for (String data : List.of("0912", "345-678", "王小明", "陳美玲")) {
                assertFalse(f.message().contains(data), "the message must not echo the data");
            }
        }
        assertEquals(Map.of("summary", "personal-data.phone", "householdRef", "personal-data.name",
                "children[1].childRef", "personal-data.name"), fields);
    }

    @Test
    void warnModeRecordsTheReportAndTheReceiptCarriesTheFindings() {
        t.service.modified(Map.of("personal-data", "refuse", "kaohsiung.personal-data", "warn"));
        IntakeReceipt receipt = t.service.submit(INTAKE, "kaohsiung", withPersonalData("pd-2"));
        assertTrue(receipt.caseNumber() != null && !receipt.replay());
        Map<String, String> warnings = new TreeMap<>();
        receipt.warnings().forEach(w -> warnings.put(w.field(), w.code()));
        assertEquals(Map.of("summary", "personal-data.phone", "householdRef", "personal-data.name",
                "children[1].childRef", "personal-data.name"), warnings);
        assertTrue(t.audit.records().stream().anyMatch(r -> r.detail() != null && r.detail().contains("summary:personal-data.phone")));
        assertTrue(t.audit.records().stream().noneMatch(r -> r.detail() != null && r.detail().contains("0912")));

        // another region keeps the default
        t.service.modified(Map.of("kaohsiung.personal-data", "warn", "hong-kong.personal-data", "nonsense"));
        assertEquals(PersonalDataPolicy.Mode.REFUSE, PersonalDataPolicy.parse(Map.of("hong-kong.personal-data", "nonsense")).of("hong-kong"));
        assertEquals(PersonalDataPolicy.Mode.REFUSE, PersonalDataPolicy.parse(Map.of()).of("kaohsiung"));
        assertEquals(PersonalDataPolicy.Mode.WARN, PersonalDataPolicy.parse(Map.of("personal-data", "warn")).of("kaohsiung"));
    }

    @Test
    void ordinaryReferencesAndSummariesPass() {
        IntakeReceipt receipt = t.service.submit(INTAKE, "kaohsiung", new IntakeReport("pd-3", NOW.minusSeconds(3600),
                "child-protection", "sanmin", null, List.of(new ReportedChild(6, "C-1")), "HH-2024-0001",
                "Synthetic: 母親表示孩子常晚歸，班導師通報，社工將家訪。", "school"));
        assertEquals(List.of(), receipt.warnings());
    }
}
