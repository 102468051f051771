package org.safenest.reporting.internal.reports;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.dispatch.DecisionBasis;
import org.safenest.api.intake.CaseType;
import org.safenest.api.intake.CaseTypeCatalogue;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.intake.TransferDirection;
import org.safenest.api.intake.TransferGround;
import org.safenest.api.region.District;
import org.safenest.api.region.Office;
import org.safenest.api.region.RegionService;
import org.safenest.api.reporting.ReportLabel;

/**
 * The names of the codes report cells hold: districts and offices from the region's reference data, case types
 * from the region's catalogue, and the fixed names of service lines, dispatch bases and transfer grounds.
 */
@Component(service = Names.class)
public final class Names {

    /** Shown for the empty office code: the case waited in the manual dispatch queue. */
    public static final ReportLabel MANUAL_QUEUE = new ReportLabel("人工分派佇列", "Manual dispatch queue");

    /** The kinds of codes a column can hold. */
    public enum Kind { DISTRICT, OFFICE, CASE_TYPE, SERVICE_LINE, BASIS, DIRECTION, GROUND }

    private static final Map<String, ReportLabel> BASES = Map.of(
            DecisionBasis.RULE.name(), new ReportLabel("依分派規則", "By rule"),
            DecisionBasis.FALLBACK_RULE.name(), new ReportLabel("依備援規則", "By fallback rule"),
            DecisionBasis.NO_RULE.name(), new ReportLabel("無適用規則（人工分派佇列）", "No rule (manual queue)"),
            DecisionBasis.BY_HAND.name(), new ReportLabel("人工分派", "By hand"));

    private static final Map<String, ReportLabel> DIRECTIONS = Map.of(
            TransferDirection.CP_TO_FF.name(), new ReportLabel("兒少保護轉脆弱家庭", "Child protection to fragile family"),
            TransferDirection.FF_TO_CP.name(), new ReportLabel("脆弱家庭轉兒少保護", "Fragile family to child protection"));

    private static final Map<String, ReportLabel> GROUNDS = Map.of(
            TransferGround.MINOR_INJURY_LOW_RISK.name(), new ReportLabel("受傷輕微或再受虐風險低", "Minor injury, low risk"),
            TransferGround.PARENTAL_ACCIDENT.name(), new ReportLabel("家長不慎之意外成傷", "Parental accident"),
            TransferGround.SEXUAL_ASSAULT_VICTIM_DIED.name(), new ReportLabel("家內性侵：被害人死亡", "Sexual assault: victim died"),
            TransferGround.SEXUAL_ASSAULT_CONTACT_FAILED.name(), new ReportLabel("家內性侵：無法聯繫", "Sexual assault: contact failed"),
            TransferGround.SEXUAL_ASSAULT_FAMILY_FUNCTIONING_WELL.name(),
            new ReportLabel("家內性侵：家庭功能良好", "Sexual assault: family functioning well"),
            TransferGround.STATUTORY_REPORT.name(), new ReportLabel("依法通報保護事件", "Statutory report"),
            TransferGround.REFERRAL_BOARD_DECISION.name(), new ReportLabel("轉介溝通平台決議", "Referral board decision"),
            TransferGround.OTHER.name(), new ReportLabel("其他", "Other"));

    private final RegionService regions;
    private final CaseTypeCatalogue catalogue;

    @Activate
    public Names(@Reference RegionService regions, @Reference CaseTypeCatalogue catalogue) {
        this.regions = regions;
        this.catalogue = catalogue;
    }

    /** The names of every code of a kind in a region. */
    public Map<String, ReportLabel> of(String region, Kind kind) {
        Map<String, ReportLabel> names = new LinkedHashMap<>();
        switch (kind) {
            case DISTRICT -> {
                for (District d : regions.districts(region)) {
                    names.put(d.code(), new ReportLabel(d.nameZh(), d.nameEn()));
                }
            }
            case OFFICE -> {
                names.put("", MANUAL_QUEUE);
                for (Office o : regions.offices(region)) {
                    names.put(o.code(), new ReportLabel(o.nameZh(), o.nameEn()));
                }
            }
            case CASE_TYPE -> {
                for (CaseType t : catalogue.caseTypes(region)) {
                    names.put(t.code(), new ReportLabel(t.nameZh(), t.nameEn()));
                }
            }
            case SERVICE_LINE -> {
                for (ServiceLine l : ServiceLine.values()) {
                    names.put(l.name(), new ReportLabel(l.nameZh(), l.nameEn()));
                }
            }
            case BASIS -> names.putAll(BASES);
            case DIRECTION -> names.putAll(DIRECTIONS);
            case GROUND -> names.putAll(GROUNDS);
        }
        return names;
    }

    /** Only the names of the codes that occur. */
    public Map<String, ReportLabel> of(String region, Kind kind, Collection<String> codes) {
        Map<String, ReportLabel> all = of(region, kind);
        Map<String, ReportLabel> used = new LinkedHashMap<>();
        for (String code : codes) {
            ReportLabel label = all.get(code);
            if (label != null) {
                used.put(code, label);
            }
        }
        return used;
    }
}
