package org.safenest.core.internal.audit;

import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.safenest.api.audit.AuditLog;
import org.safenest.api.audit.AuditOutcome;
import org.safenest.api.audit.AuditRecord;

/**
 * Audits every change of Safenest configuration (PIDs starting with {@code org.safenest}, and the DataSource),
 * whether made through etc/ files, the {@code config:} commands or the API.
 */
@Component
public class ConfigurationAudit implements ConfigurationListener {

    private final AuditLog audit;

    @Activate
    public ConfigurationAudit(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getFactoryPid() != null ? event.getFactoryPid() + "~" + event.getPid() : event.getPid();
        if (!pid.startsWith("org.safenest") && !pid.startsWith("org.ops4j.datasource")) {
            return;
        }
        String action = switch (event.getType()) {
            case ConfigurationEvent.CM_UPDATED -> "config.update";
            case ConfigurationEvent.CM_DELETED -> "config.delete";
            default -> "config.location";
        };
        audit.record(AuditRecord.of("config-admin", action, null, event.getPid(), AuditOutcome.SUCCESS, null));
    }
}
