package org.safenest.api.intake;

import java.time.Instant;

import org.safenest.api.dispatch.DispatchDecision;

/**
 * A transfer as recorded on a case; the case keeps its number and its history.
 *
 * @param direction    the direction
 * @param ground       the ground given
 * @param reason       free text, or null
 * @param fromCaseType the case type before
 * @param toCaseType   the case type after
 * @param fromOffice   the office that served the case before, or null
 * @param dispatch     the dispatch decision made for the new service
 * @param referral     the referral-board proposal id, or null
 * @param at           when it was done
 * @param by           the user who did it
 */
public record Transfer(TransferDirection direction, TransferGround ground, String reason, String fromCaseType,
        String toCaseType, String fromOffice, DispatchDecision dispatch, String referral, Instant at, String by) {
}
