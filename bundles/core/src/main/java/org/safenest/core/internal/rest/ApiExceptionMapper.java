package org.safenest.core.internal.rest;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.safenest.api.error.AccessDeniedException;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a JSON {@link ApiError}. Unexpected failures are logged with an error id that the
 * answer repeats, and the answer carries no internal detail.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(ApiExceptionMapper.NAME)
@JaxrsApplicationSelect(SafenestApplication.SELECT)
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    public static final String NAME = "safenest-errors";
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        Throwable t = unwrap(e);
        if (t instanceof InvalidInputException ie) {
            return answer(new ApiError(400, "invalid-input", ie.getMessage(), ie.errors()));
        }
        if (t instanceof NotFoundException nf) {
            return answer(new ApiError(404, "not-found", nf.getMessage(), List.of(new FieldError(nf.kind(), "unknown", nf.getMessage()))));
        }
        if (t instanceof AccessDeniedException ad) {
            return answer(new ApiError(403, "forbidden", ad.getMessage(), List.of()));
        }
        if (t instanceof ConflictException ce) {
            return answer(new ApiError(409, "conflict", ce.getMessage(), List.of()));
        }
        if (t instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status < 500) {
                Response.Status s = Response.Status.fromStatusCode(status);
                String code = s == null ? "error" : s.name().toLowerCase().replace('_', '-');
                return answer(new ApiError(status, code, s == null ? "Request refused" : s.getReasonPhrase(), List.of()));
            }
        }
        if (clientGone(e)) {
            // the client closed the connection while the answer was written (a timed-out probe, a closed tab):
            // nothing is wrong on the server and nobody is left to answer
            LOG.debug("The client went away while an answer was written: {}", e.toString());
            return Response.status(499).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} while answering an API request", id, t);
        return answer(new ApiError(500, "internal-error", "The server could not answer; the error is logged as " + id, List.of()));
    }

    /** Jetty's {@code EofException} (or a broken pipe) anywhere in the cause chain: the client is gone. */
    static boolean clientGone(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String type = c.getClass().getName();
            if (type.equals("org.eclipse.jetty.io.EofException") || (c instanceof java.io.IOException
                    && String.valueOf(c.getMessage()).contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while (!(t instanceof org.safenest.api.error.SafenestException) && t.getCause() != null && t.getCause() != t) {
            if (t instanceof WebApplicationException && !(t.getCause() instanceof org.safenest.api.error.SafenestException)) {
                break;
            }
            t = t.getCause();
        }
        return t instanceof org.safenest.api.error.SafenestException ? t : e;
    }

    static Response answer(ApiError error) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
}
