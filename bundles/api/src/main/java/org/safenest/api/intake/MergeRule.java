package org.safenest.api.intake;

/** Which merge rule (併案原則) placed a report in a case. */
public enum MergeRule {
    /** 新建案號: no case in service for the household or the child; a new case number. */
    NEW_CASE,
    /** 處遇中案件，合併案號: the report concerns a child whose case is in service; it joins that case. */
    JOINED_CASE_IN_SERVICE,
    /**
     * 處遇中家戶，合併手足案號: the report concerns a sibling of a child whose household has a case in
     * service; it is merged into the household's case number.
     */
    MERGED_SIBLING_CASE
}
