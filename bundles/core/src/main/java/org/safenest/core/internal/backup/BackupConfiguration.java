package org.safenest.core.internal.backup;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.safenest.backup.cfg}: where online backups of the embedded database go, when, and how many stay. */
@ObjectClassDefinition(name = "Safenest backup", description = "Online backups of the embedded Derby database")
public @interface BackupConfiguration {

    @AttributeDefinition(description = "The folder that holds the backups (one sub-folder per backup); the REST call always writes here")
    String folder() default "backup";

    @AttributeDefinition(description = "Time of day (HH:mm, server time) of a daily backup; empty for no schedule")
    String daily_at() default "";

    @AttributeDefinition(description = "Backups kept in the folder after a scheduled or REST backup (the oldest go first); 0 keeps all")
    int keep() default 7;
}
