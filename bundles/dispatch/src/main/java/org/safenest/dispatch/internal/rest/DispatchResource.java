package org.safenest.dispatch.internal.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.safenest.api.rest.Roles;
import org.safenest.api.rest.ApiResource;
import org.safenest.api.dispatch.DispatchDecision;
import org.safenest.api.dispatch.DispatchRuleSet;
import org.safenest.api.dispatch.DispatchService;
import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.dispatch.RuleSetVersion;
import org.safenest.api.error.ConflictException;
import org.safenest.api.error.FieldError;
import org.safenest.api.error.InvalidInputException;
import org.safenest.api.error.NotFoundException;
import org.safenest.api.intake.IntakeService;
import org.safenest.api.region.RegionService;
import org.safenest.api.security.Caller;
import org.safenest.api.security.Role;
import org.safenest.dispatch.internal.DispatchAdmin;
import org.safenest.dispatch.internal.ImpactPreview;
import org.safenest.dispatch.internal.RuleBook;
import org.safenest.dispatch.internal.PublishResult;
import org.safenest.dispatch.internal.RuleFiles;
import org.safenest.dispatch.internal.SourceProblem;

/** Dispatch rules of a region: {@code /api/regions/{region}/dispatch/...}. */
@Component(service = ApiResource.class)
@javax.ws.rs.Path("regions/{region}/dispatch")
@Produces(MediaType.APPLICATION_JSON)
public class DispatchResource implements ApiResource {

    private final DispatchService dispatch;
    private final DispatchAdmin admin;
    private final RegionService regions;
    /** The stored reports a draft is replayed on; absent when the intake capability is not installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile IntakeService intake;

    @Activate
    public DispatchResource(@Reference DispatchService dispatch, @Reference DispatchAdmin admin, @Reference RegionService regions) {
        this.dispatch = dispatch;
        this.admin = admin;
        this.regions = regions;
    }

    /**
     * Rule-set files to validate or publish: either {@code files}, named texts ({@code versions.csv} and the rule
     * files it names; or, without a {@code versions.csv}, single rule files whose {@code #} header names the
     * version), or {@code folder}, a folder on the server holding {@code versions.csv} and its rule files; and, to
     * publish or preview, {@code effectiveFrom} ({@code yyyy-mm-dd}), the day the one new version takes effect instead
     * of its file's date.
     */
    public record RuleSetRequest(Map<String, String> files, String folder, String effectiveFrom) {

        public RuleSetRequest(Map<String, String> files, String folder) {
            this(files, folder, null);
        }
    }

    /** The answer of a publication: versions published now, and versions already published with the same content. */
    public record PublishAnswer(List<RuleSetVersion> published, List<Integer> unchanged) {
    }

    @GET
    @javax.ws.rs.Path("rule-sets")
    @Roles(Roles.ANY_USER)
    public List<RuleSetVersion> versions(@PathParam("region") String region, @Context SecurityContext security) {
        return dispatch.versions(allowed(region, security));
    }

    @GET
    @javax.ws.rs.Path("rule-sets/{version}")
    @Roles(Roles.ANY_USER)
    public DispatchRuleSet ruleSet(@PathParam("region") String region, @PathParam("version") String version,
            @Context SecurityContext security) {
        String code = allowed(region, security);
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "invalid-value", "The version is a whole number, not '" + version + "'");
        }
        return dispatch.ruleSet(code, number).orElseThrow(() -> new NotFoundException("rule-set version", code + "/" + number));
    }

    @GET
    @javax.ws.rs.Path("decide")
    @Roles(Roles.ANY_USER)
    public DispatchDecision decide(@PathParam("region") String region, @QueryParam("caseType") String caseType,
            @QueryParam("district") String district, @QueryParam("part") String part, @QueryParam("date") String date,
            @Context SecurityContext security) {
        String code = allowed(region, security);
        LocalDate day;
        if (date == null || date.isBlank()) {
            day = LocalDate.now(admin.zone(code));
        } else {
            try {
                day = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("date", "invalid-value", "The date must be yyyy-mm-dd");
            }
        }
        return dispatch.dispatch(code, blankToNull(caseType), blankToNull(district), blankToNull(part),
                day.atStartOfDay(admin.zone(code)).toInstant());
    }

    @POST
    @javax.ws.rs.Path("rule-sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"admin", "supervisor"})
    public PublishAnswer publish(@PathParam("region") String region, RuleSetRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN, Role.SUPERVISOR);
        String code = allowed(region, security);
        RuleSetRequest r = checked(request);
        PublishResult result = admin.publish(caller, code, files(r), day("effectiveFrom", r.effectiveFrom()));
        return new PublishAnswer(result.published(), result.unchanged());
    }

    @POST
    @javax.ws.rs.Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"dispatcher", "supervisor", "admin"})
    public List<RuleFileError> validate(@PathParam("region") String region, RuleSetRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN, Role.DISPATCHER, Role.SUPERVISOR);
        String code = allowed(region, security);
        return admin.validate(code, files(checked(request)));
    }

    /**
     * The impact of a draft before it is published: the reports that opened the region's cases from {@code from} to
     * {@code to} (days, both included, region time) dispatched again by the draft's new version, per office the cases
     * received and those it would receive, and the first {@code limit} (default 200, at most 1000) cases whose office would
     * change, with their total. 409 when the intake capability is not installed (no reports to replay).
     */
    @POST
    @javax.ws.rs.Path("rule-sets/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Roles({"dispatcher", "supervisor", "admin"})
    public ImpactPreview.Result preview(@PathParam("region") String region, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, RuleSetRequest request, @Context SecurityContext security) {
        Caller caller = Caller.of(security.getUserPrincipal());
        caller.requireAny(Role.ADMIN, Role.DISPATCHER, Role.SUPERVISOR);
        String code = allowed(region, security);
        List<FieldError> wrong = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        try {
            first = required("from", from);
        } catch (InvalidInputException e) {
            wrong.addAll(e.errors());
        }
        try {
            last = required("to", to);
        } catch (InvalidInputException e) {
            wrong.addAll(e.errors());
        }
        if (first != null && last != null && last.isBefore(first)) {
            wrong.add(new FieldError("to", "before-from", "The last day of the period cannot be before its first day"));
        }
        if (limit != null && (limit < 0 || limit > 1000)) {
            wrong.add(new FieldError("limit", "invalid-value", "limit is from 0 to 1000"));
        }
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        RuleSetRequest r = checked(request);
        RuleBook.Draft draft = admin.draft(code, files(r), day("effectiveFrom", r.effectiveFrom()));
        IntakeService cases = intake;
        if (cases == null) {
            throw new ConflictException("The intake capability (safenest-intake) is not installed: there are no received reports to"
                    + " replay. The draft is valid; install intake to preview its impact.");
        }
        java.time.ZoneId zone = admin.zone(code);
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return ImpactPreview.of(draft, first, last, (offset, size) -> cases.dispatchedReports(caller, code, start, end, offset, size),
                limit == null ? 200 : limit);
    }

    private static LocalDate required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "The " + ("from".equals(field) ? "first" : "last")
                    + " day of the period is required (yyyy-mm-dd)");
        }
        return day(field, value);
    }

    /** A day given as {@code yyyy-mm-dd}, or null when blank; a field error otherwise. */
    private static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "invalid-value", "The date must be yyyy-mm-dd, not '" + value + "'");
        }
    }

    @GET
    @javax.ws.rs.Path("problems")
    @Roles({"dispatcher", "admin"})
    public List<SourceProblem> problems(@PathParam("region") String region, @Context SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireAny(Role.ADMIN, Role.DISPATCHER);
        String code = allowed(region, security);
        return admin.problems().stream().filter(p -> p.region().equals(code)).toList();
    }

    private static RuleSetRequest checked(RuleSetRequest request) {
        boolean hasFiles = request != null && request.files() != null && !request.files().isEmpty();
        boolean hasFolder = request != null && request.folder() != null && !request.folder().isBlank();
        if (hasFiles == hasFolder) {
            throw new InvalidInputException(List.of(new FieldError(hasFiles ? "folder" : "files", hasFiles ? "not-allowed" : "required",
                    "Give either 'files' (file name to CSV text) or 'folder' (a folder on the server), not both")));
        }
        if (hasFolder) {
            Path folder = Path.of(request.folder().trim());
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException("folder", "not-a-folder", "'" + request.folder() + "' is not a folder on the server");
            }
            return new RuleSetRequest(null, folder.toString(), request.effectiveFrom());
        }
        List<FieldError> wrong = new ArrayList<>();
        request.files().forEach((name, text) -> {
            if (name == null || name.isBlank() || name.contains("..") || name.startsWith("/") || name.contains("\\")) {
                wrong.add(new FieldError("files", "invalid-name", "'" + name + "' is not a plain file name"));
            } else if (text == null) {
                wrong.add(new FieldError("files." + name, "required", "File '" + name + "' has no text"));
            }
        });
        if (!wrong.isEmpty()) {
            throw new InvalidInputException(wrong);
        }
        return request;
    }

    private static RuleFiles files(RuleSetRequest r) {
        return r.folder() != null ? RuleFiles.of(Path.of(r.folder())) : RuleFiles.of(r.files(), "request");
    }

    /** Checks the caller may see the region and that it exists (404 otherwise). */
    private String allowed(String region, SecurityContext security) {
        Caller.of(security.getUserPrincipal()).requireRegion(region);
        regions.require(region);
        return region;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
