package org.safenest.core.internal.health;

import java.util.Map;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.outbox.Outbox;

/**
 * How far the outbox's consumers lag behind: WARN when a registered consumer (reporting, ...) has more than
 * {@code lag.warn} events waiting (10,000 unless configured under the PID
 * {@code org.safenest.core.internal.health.OutboxCheck}). A lag slows figures down but loses nothing, so this check
 * is not part of readiness.
 */
@Component(property = {HealthCheck.NAME + "=Safenest outbox lag", HealthCheck.TAGS + "=" + HealthTags.SAFENEST,
        HealthCheck.TAGS + "=outbox", OutboxCheck.LAG_WARN + ":Long=10000"})
public class OutboxCheck implements HealthCheck {

    static final String LAG_WARN = "lag.warn";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Outbox outbox;
    private volatile long lagWarn;

    @Activate
    public OutboxCheck(Map<String, Object> properties) {
        modified(properties);
    }

    OutboxCheck(Outbox outbox, long lagWarn) {
        this.outbox = outbox;
        this.lagWarn = lagWarn;
    }

    @Modified
    void modified(Map<String, Object> properties) {
        Object v = properties.get(LAG_WARN);
        lagWarn = v == null ? 10_000 : Long.parseLong(v.toString().trim());
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        Outbox o = outbox;
        if (o == null) {
            log.temporarilyUnavailable("The outbox is not active yet (it waits for the database and JPA)");
            return new Result(log);
        }
        for (Outbox.ConsumerState s : o.consumers()) {
            if (!s.registered()) {
                log.debug("Consumer {} is not installed ({} events behind)", s.name(), s.lag());
            } else if (s.lag() > lagWarn) {
                log.warn("Consumer {} has {} events waiting (more than {})", s.name(), s.lag(), lagWarn);
            } else {
                log.info("Consumer {} has {} events waiting", s.name(), s.lag());
            }
        }
        return new Result(log);
    }
}
