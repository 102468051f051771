package org.safenest.core.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.rest.Answer;
import org.safenest.api.rest.Roles;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.core.internal.security.LocalUsers;

/**
 * {@code /api/users}: the users of this node's built-in user store ({@code etc/users.properties}) for administrators:
 * list them with their roles and region roles, create one with a password, set its roles, reset its password, remove
 * it. Passwords are hashed by the JAAS realm when it hashes (production mode) and never logged nor audited.
 */
@Component(service = UserResource.class)
@JaxrsResource
@JaxrsApplicationSelect(SafenestApplication.SELECT)
@JSONRequired
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    /** A new user: its name, password, Safenest roles and the regions it is limited to (none: every region). */
    public record NewUser(String name, String password, List<String> roles, List<String> regions) {
    }

    /** The roles and regions a user has after the change. */
    public record UserRoles(List<String> roles, List<String> regions) {
    }

    /** A new password. */
    public record NewPassword(String password) {
    }

    private final LocalUsers users;

    @Activate
    public UserResource(@Reference LocalUsers users) {
        this.users = users;
    }

    @GET
    @Roles("admin")
    public LocalUsers.UserStore list(@Context SecurityContext security) {
        admin(security);
        return users.store();
    }

    @GET
    @Path("{name}")
    @Roles("admin")
    public LocalUsers.LocalUser get(@PathParam("name") String name, @Context SecurityContext security) {
        admin(security);
        return users.user(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("admin")
    @Answer(status = 201, value = LocalUsers.LocalUser.class,
            description = "201 with the user; 400 with every invalid field (name, password, roles, regions); 409 when the name is taken.")
    public Response create(NewUser user, @Context SecurityContext security) {
        Caller caller = admin(security);
        if (user == null) {
            throw new InvalidInputException("name", "missing", "Send the user as JSON: name, password, roles, regions");
        }
        LocalUsers.LocalUser created = users.create(caller, user.name(), user.password(), user.roles(), user.regions());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("admin")
    public LocalUsers.LocalUser update(@PathParam("name") String name, UserRoles roles, @Context SecurityContext security) {
        Caller caller = admin(security);
        if (roles == null) {
            throw new InvalidInputException("roles", "missing", "Send the roles and regions as JSON");
        }
        return users.update(caller, name, roles.roles(), roles.regions());
    }

    @PUT
    @Path("{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles("admin")
    @Answer(status = 204, description = "The password is set (hashed when the realm hashes); the user's web sessions end.")
    public Response password(@PathParam("name") String name, NewPassword password, @Context SecurityContext security) {
        Caller caller = admin(security);
        users.resetPassword(caller, name, password == null ? null : password.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{name}")
    @Roles("admin")
    @Answer(status = 204, description = "Removed; 409 for one's own account or the last administrator.")
    public Response remove(@PathParam("name") String name, @Context SecurityContext security) {
        Caller caller = admin(security);
        users.remove(caller, name);
        return Response.noContent().build();
    }

    private static Caller admin(SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN);
        return caller;
    }
}
