package org.safenest.api.referral;

import org.safenest.api.intake.TransferDirection;

/**
 * The simplified proposal form (高雄市兒少保護與脆弱家庭轉介(通報)討論案). Must carry no personal data:
 * no names, ID numbers, phone numbers, e-mail or street addresses, dates of birth.
 *
 * @param proposingOffice the proposing unit's office code (提案單位)
 * @param district        the family's district code ((案家)區域)
 * @param reportNumber    the report or system number (通報/系統號); a case number of the intake window when the
 *                        case is there
 * @param childAge        the child's age in years (個案年齡)
 * @param summary         the case summary (案情說明)
 * @param reason          the reason for the transfer (需轉案原因)
 * @param direction       the direction asked for
 */
public record ReferralProposal(String proposingOffice, String district, String reportNumber, Integer childAge,
        String summary, String reason, TransferDirection direction) {
}
