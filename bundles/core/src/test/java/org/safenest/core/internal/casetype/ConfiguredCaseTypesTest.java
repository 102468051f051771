package org.safenest.core.internal.casetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.ServiceLine;

class ConfiguredCaseTypesTest {

    @Test
    void aRegionAddsTypesByConfiguration() {
        Map<String, List<CaseType>> types = ConfiguredCaseTypes.parse(Map.of(
                "service.pid", "org.safenest.casetypes",
                "kaohsiung.high-risk-family", "高風險家庭|High-risk family|FRAGILE_FAMILY",
                "kaohsiung.child-drug", " 兒少毒品 | Child drug-related | CHILD_PROTECTION "));
        assertEquals(List.of(new CaseType("child-drug", "兒少毒品", "Child drug-related", ServiceLine.CHILD_PROTECTION),
                new CaseType("high-risk-family", "高風險家庭", "High-risk family", ServiceLine.FRAGILE_FAMILY)),
                types.get("kaohsiung"));
        assertEquals(1, types.size());
    }

    @Test
    void wrongLinesAreSkippedAndTheOthersApply() {
        Map<String, List<CaseType>> types = ConfiguredCaseTypes.parse(Map.of(
                "kaohsiung.no-line", "名|Name",
                "kaohsiung.bad-line", "名|Name|NOT_A_LINE",
                "Kaohsiung.Upper", "名|Name|FRAGILE_FAMILY",
                "kaohsiung.fragile-family", "脆弱家庭|Redefined|FRAGILE_FAMILY",
                "hong-kong.ok", "好|OK|ADULT_PROTECTION"));
        assertTrue(!types.containsKey("kaohsiung"), types.toString());
        assertEquals("ok", types.get("hong-kong").get(0).code());
    }
}
