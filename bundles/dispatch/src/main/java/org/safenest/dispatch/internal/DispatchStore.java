package org.safenest.dispatch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.safenest.api.dispatch.DispatchRule;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.intake.ServiceLine;
import org.safenest.dispatch.internal.jpa.RuleEntity;
import org.safenest.dispatch.internal.jpa.RuleSetEntity;
import org.safenest.dispatch.internal.jpa.Transactions;

/** Stores published rule-set versions (written once, never updated) and reads them back. */
public final class DispatchStore {

    private final Transactions tx;

    public DispatchStore(Transactions tx) {
        this.tx = tx;
    }

    /** The region's published versions with their rules, oldest first. */
    public List<DispatchRuleSet> load(String region) {
        return tx.required(em -> {
            List<RuleSetEntity> sets = em.createQuery(
                    "SELECT s FROM RuleSetEntity s WHERE s.region = :r ORDER BY s.version", RuleSetEntity.class)
                    .setParameter("r", region).getResultList();
            List<RuleEntity> rules = em.createQuery(
                    "SELECT e FROM RuleEntity e WHERE e.region = :r ORDER BY e.version, e.position", RuleEntity.class)
                    .setParameter("r", region).getResultList();
            Map<Integer, List<DispatchRule>> byVersion = new HashMap<>();
            for (RuleEntity e : rules) {
                byVersion.computeIfAbsent(e.version, v -> new ArrayList<>()).add(new DispatchRule(e.ruleId, e.caseType,
                        e.serviceLine == null ? null : ServiceLine.valueOf(e.serviceLine), e.district, e.part, e.office,
                        e.fallback, e.explanation == null ? "" : e.explanation, e.line));
            }
            List<DispatchRuleSet> result = new ArrayList<>();
            for (RuleSetEntity s : sets) {
                result.add(new DispatchRuleSet(s.region, s.version, s.adoptedOn, s.effectiveFrom, s.note == null ? "" : s.note,
                        s.source, s.publishedAt, s.publishedBy, byVersion.getOrDefault(s.version, List.of())));
            }
            return result;
        });
    }

    /** How many versions each region has stored (to notice versions published by another node). */
    public Map<String, Long> counts() {
        return tx.required(em -> {
            Map<String, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT s.region, COUNT(s) FROM RuleSetEntity s GROUP BY s.region", Object[].class)
                    .getResultList()) {
                counts.put((String) row[0], ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    /** Stores new versions in one transaction; fails (and stores none) when a version exists already. */
    public void insert(List<DispatchRuleSet> sets) {
        tx.required(em -> {
            for (DispatchRuleSet s : sets) {
                RuleSetEntity e = new RuleSetEntity();
                e.region = s.region();
                e.version = s.version();
                e.adoptedOn = s.adoptedOn();
                e.effectiveFrom = s.effectiveFrom();
                e.note = truncate(s.note(), 2000);
                e.source = truncate(s.source(), 500);
                e.publishedAt = s.publishedAt();
                e.publishedBy = truncate(s.publishedBy(), 100);
                e.fingerprint = Fingerprint.of(s);
                e.ruleCount = s.rules().size();
                em.persist(e);
                int position = 0;
                for (DispatchRule r : s.rules()) {
                    RuleEntity re = new RuleEntity();
                    re.region = s.region();
                    re.version = s.version();
                    re.position = position++;
                    re.ruleId = r.id();
                    re.caseType = r.caseType();
                    re.serviceLine = r.serviceLine() == null ? null : r.serviceLine().name();
                    re.district = r.district();
                    re.part = r.part();
                    re.office = r.office();
                    re.fallback = r.fallback();
                    re.explanation = truncate(r.explanation(), 2000);
                    re.line = r.line();
                    em.persist(re);
                }
            }
            em.flush();
            return null;
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
