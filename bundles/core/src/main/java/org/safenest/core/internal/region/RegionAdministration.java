package org.safenest.core.internal.region;

import java.util.List;

import org.safenest.api.region.Region;
import org.safenest.api.region.RegionCounts;

/**
 * Creating, replacing and removing regions from uploaded archives (core-internal: the REST resource and the web page
 * use it). The data goes into the database, so every node serves it (within the reference-data cache's 30 s).
 */
public interface RegionAdministration {

    /** A problem of an uploaded archive, with its file and line (0: the whole file). */
    record Problem(String file, long line, String message) {
    }

    /**
     * What an upload did or, for a dry run, would do.
     *
     * @param code     the region code the files describe (null when region.properties has none)
     * @param dryRun   nothing was changed
     * @param ok       no problem: the region was (or would be) stored
     * @param created  the region is (or would be) new; false when it replaces a stored region
     * @param problems every problem found, by file and line
     * @param counts   what the files hold (null when they have problems)
     * @param region   the region as stored (null for a dry run or on problems)
     */
    record UploadResult(String code, boolean dryRun, boolean ok, boolean created, List<Problem> problems, RegionCounts counts,
            Region region) {
    }

    /**
     * Reads an archive and, unless {@code dryRun} or the files have problems, stores the region it describes.
     *
     * @param expected the region code the caller names (PUT /api/regions/{code}), or null to create a new region only
     * @param zip      the archive's bytes
     * @param actor    who uploads, for the audit log
     */
    UploadResult upload(String expected, byte[] zip, boolean dryRun, String actor);

    /**
     * Removes a region and its reference data; refused (ConflictException) while a region bundle provides it or a
     * capability keeps records of it (cases, published rule sets).
     */
    void remove(String code, String actor);
}
