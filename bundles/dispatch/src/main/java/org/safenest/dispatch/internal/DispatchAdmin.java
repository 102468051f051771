package org.safenest.dispatch.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import org.safenest.api.dispatch.RuleFileError;
import org.safenest.api.security.Caller;

/**
 * What the REST resources and shell commands of this bundle need beyond {@link org.safenest.api.dispatch.DispatchService}:
 * rule sets as a folder of files ({@code versions.csv} and rule files), and the problems of the sources read
 * without a caller (region bundles, the drop-in folder). Registered by the same component; not exported.
 */
public interface DispatchAdmin {

    /** Checks the files and their versions against those already published; writes nothing. */
    List<RuleFileError> validate(String region, RuleFiles files);

    /**
     * Publishes the versions of the files not yet published, all or none; audited. Admin only.
     * {@link org.safenest.api.error.InvalidInputException} with one field per error ({@code file:line});
     * {@link org.safenest.api.error.ConflictException} when a version exists with other content.
     */
    PublishResult publish(Caller caller, String region, RuleFiles files);

    /**
     * As {@link #publish(Caller, String, RuleFiles)} by an administrator or a supervisor, the one new version of the files
     * taking effect on {@code effectiveFrom} (null: the files' date); field error {@code effectiveFrom} when that cannot be.
     */
    PublishResult publish(Caller caller, String region, RuleFiles files, java.time.LocalDate effectiveFrom);

    /** The newest unpublished version of the files, checked as publishing checks it, ready to replay past reports. */
    RuleBook.Draft draft(String region, RuleFiles files, java.time.LocalDate effectiveFrom);

    /** Sources of rule sets that could not be published, oldest first. */
    List<SourceProblem> problems();

    /** The folder watched for rule sets dropped in (one sub-folder per region), or null when none. */
    Path dropFolder();

    /** The region's time zone. */
    ZoneId zone(String region);
}
