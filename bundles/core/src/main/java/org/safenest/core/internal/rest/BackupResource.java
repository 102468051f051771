package org.safenest.core.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.backup.DatabaseBackup;

/**
 * {@code POST /api/backups} (admin): an online backup of the embedded database into the folder configured in
 * {@code etc/org.safenest.backup.cfg} (never a folder named in the request), then the oldest backups beyond
 * {@code keep} are deleted. {@code GET /api/backups}: the backups in that folder.
 */
@Component(service = BackupResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("backups")
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    private final DatabaseBackup backups;

    @Activate
    public BackupResource(@Reference DatabaseBackup backups) {
        this.backups = backups;
    }

    public record BackupView(String name, String folder, long bytes, Long millis) {
        static BackupView of(DatabaseBackup.Backup b) {
            return new BackupView(b.name(), b.folder().toString(), b.bytes(), b.took() == null ? null : b.took().toMillis());
        }
    }

    public record BackupList(String folder, List<BackupView> backups) {
    }

    @POST
    @Roles("admin")
    @Answer(status = 201, value = BackupView.class, description = "201 when the backup is complete; 409 while another runs; refused on PostgreSQL.")
    public Response backup(@Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        DatabaseBackup.Backup b = backups.backupAndPrune(caller.name(), p -> { });
        return Response.status(201).entity(BackupView.of(b)).build();
    }

    @GET
    @Roles("admin")
    public BackupList list(@Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN);
        return new BackupList(backups.folder().toString(), backups.list(backups.folder()).stream().map(BackupView::of).toList());
    }
}
