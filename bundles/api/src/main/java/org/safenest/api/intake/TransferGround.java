package org.safenest.api.intake;

/** The grounds a transfer gives, as on the investigation and assessment forms. */
public enum TransferGround {
    /** 兒少受傷情形輕微或再受虐風險低，且施虐者知覺行為不當，能自我反思. */
    MINOR_INJURY_LOW_RISK(TransferDirection.CP_TO_FF),
    /** 家長不慎所造成之意外成傷. */
    PARENTAL_ACCIDENT(TransferDirection.CP_TO_FF),
    /** 家內性侵: 被害人死亡且家屬無服務需求. */
    SEXUAL_ASSAULT_VICTIM_DIED(TransferDirection.CP_TO_FF),
    /** 家內性侵: 電話或地址有誤，無法聯繫. */
    SEXUAL_ASSAULT_CONTACT_FAILED(TransferDirection.CP_TO_FF),
    /** 家內性侵: 家庭功能良好，且案家無其他服務需求. */
    SEXUAL_ASSAULT_FAMILY_FUNCTIONING_WELL(TransferDirection.CP_TO_FF),
    /** 經評估保護事件依法通報: the fragile-family worker reports a protection matter. */
    STATUTORY_REPORT(TransferDirection.FF_TO_CP),
    /** A decision of the referral board (轉介溝通平台). */
    REFERRAL_BOARD_DECISION(null),
    /** 其他: needs a reason. */
    OTHER(null);

    private final TransferDirection direction;

    TransferGround(TransferDirection direction) {
        this.direction = direction;
    }

    /** The only direction this ground applies to, or null when it applies to both. */
    public TransferDirection direction() {
        return direction;
    }
}
