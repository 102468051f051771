package org.safenest.api.intake;

/**
 * The options of the assessment form (訪視評估建議) for what happens to a report, plus the investigation
 * outcome that keeps it open for a further record.
 */
public enum Disposition {
    /** 列入個案管理服務. */
    CASE_MANAGEMENT("列入個案管理服務", "List for case management"),
    /** 短期服務/1次關懷服務. */
    SHORT_TERM_SERVICE("短期服務/1次關懷服務", "Short-term service / one-off care"),
    /** 知會原提供服務單位，且確認該單位仍在案中: needs the unit and the confirmation. */
    NOTIFY_SERVING_UNIT("知會原提供服務單位", "Notify the unit already serving the family"),
    /** 轉介相關單位提供服務，且確認該單位收案: needs the unit and the confirmation. */
    REFER_TO_UNIT("轉介相關單位提供服務", "Refer to another unit"),
    /** 經評估為保護事件依法通報: 兒少保護. */
    REPORT_CHILD_PROTECTION("依法通報：兒少保護", "Report as child protection"),
    /** 經評估為保護事件依法通報: 性侵害. */
    REPORT_SEXUAL_ASSAULT("依法通報：性侵害", "Report as sexual assault"),
    /** 經評估為保護事件依法通報: 家庭暴力. */
    REPORT_DOMESTIC_VIOLENCE("依法通報：家庭暴力", "Report as domestic violence"),
    /** 經評估為保護事件依法通報: 老人保護. */
    REPORT_ELDER_PROTECTION("依法通報：老人保護", "Report as elder protection"),
    /** 經評估為保護事件依法通報: 身障保護. */
    REPORT_DISABILITY_PROTECTION("依法通報：身障保護", "Report as disability protection"),
    /** 簡短服務: needs a note. */
    BRIEF_SERVICE("簡短服務", "Brief service"),
    /** 不開案: no complete information obtainable after visits or contact. */
    NOT_OPENED_NO_INFORMATION("不開案：無法獲得完整的服務資料", "Not opened: no complete information obtainable"),
    /** 不開案: the report does not match the facts and there is no welfare need. */
    NOT_OPENED_NOT_AS_REPORTED("不開案：通報內容與事實不符，且無福利需求",
            "Not opened: report does not match the facts, no welfare need"),
    /** 不開案: death. */
    NOT_OPENED_DEATH("不開案：死亡", "Not opened: death"),
    /** 不開案: left the country. */
    NOT_OPENED_LEFT_COUNTRY("不開案：個案已出境", "Not opened: left the country"),
    /** 不開案: other; needs a note. */
    NOT_OPENED_OTHER("不開案：其他", "Not opened: other"),
    /**
     * The investigation cannot yet confirm maltreatment: the worker keeps collecting information and files a
     * further investigation record within 10 days (尚未能確認...於10日內續填調查紀錄). Sets a {@link FollowUp}.
     */
    INVESTIGATION_CONTINUING("尚未能確認，10日內續填調查紀錄", "Not yet confirmed: further record within 10 days");

    private final String nameZh;
    private final String nameEn;

    Disposition(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** True for the five "not opened" reasons. */
    public boolean notOpened() {
        return name().startsWith("NOT_OPENED_");
    }

    /** The code of the default {@link CaseType} reported under the law, or null when this is no such report. */
    public String protectionCaseType() {
        return switch (this) {
            case REPORT_CHILD_PROTECTION -> CaseType.CHILD_PROTECTION.code();
            case REPORT_SEXUAL_ASSAULT -> CaseType.SEXUAL_ASSAULT.code();
            case REPORT_DOMESTIC_VIOLENCE -> CaseType.DOMESTIC_VIOLENCE.code();
            case REPORT_ELDER_PROTECTION -> CaseType.ELDER_PROTECTION.code();
            case REPORT_DISABILITY_PROTECTION -> CaseType.DISABILITY_PROTECTION.code();
            default -> null;
        };
    }
}
