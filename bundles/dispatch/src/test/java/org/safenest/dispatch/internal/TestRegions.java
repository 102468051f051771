package org.safenest.dispatch.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.safenest.api.intake.CaseType;
import org.safenest.api.region.District;
import org.safenest.api.region.DistrictPart;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.RegionService;
import org.safenest.api.region.ServedArea;
import org.safenest.core.internal.region.RegionDataException;
import org.safenest.core.internal.region.RegionDataReader;
import org.safenest.core.internal.region.RegionSource;

/**
 * Regions for the tests: Kaohsiung as production reads it (core's own reader on the region bundle's files), and
 * a small synthetic region (served by test-support's {@code MemoryRegions}); an audit log in memory.
 */
final class TestRegions {

    static final Path KAOHSIUNG_FOLDER = Path.of("../region-kaohsiung/src/main/resources/safenest-region");
    static final Path KAOHSIUNG_DISPATCH = KAOHSIUNG_FOLDER.resolve("dispatch");

    private TestRegions() {
    }

    static RegionData kaohsiung() {
        try {
            return RegionDataReader.read(RegionSource.of(KAOHSIUNG_FOLDER));
        } catch (RegionDataException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A synthetic region "testland" (time zone UTC) with districts d0..d{n-1}, district d0 split into parts north
     * and south, and offices o0..o{m-1}.
     */
    static RegionData testland(int districts, int offices) {
        List<District> ds = new ArrayList<>();
        for (int i = 0; i < districts; i++) {
            ds.add(new District("d" + i, "區" + i, "District " + i,
                    i == 0 ? List.of(new DistrictPart("north", "north half"), new DistrictPart("south", "south half")) : List.of()));
        }
        List<Office> os = new ArrayList<>();
        for (int i = 0; i < offices; i++) {
            os.add(new Office("o" + i, "處" + i, "Office " + i, OfficeType.OTHER, null, null, null, List.of(new ServedArea("d0", null))));
        }
        return new RegionData("testland", "Testland", "測試", "UTC", "synthetic", "x", ds, os, List.of(), List.of());
    }

    /** The reference snapshot the dispatch component builds for a region (default case types). */
    static RegionRefs refs(RegionService regions, String region) {
        return RegionRefs.of(regions.require(region), regions.districts(region), regions.offices(region), CaseType.DEFAULTS);
    }

    /** Copies a folder (flat) into {@code target}; returns {@code target}. */
    static Path copy(Path folder, Path target) {
        try (Stream<Path> files = Files.list(folder)) {
            Files.createDirectories(target);
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in line {@code line} (1-based); the line must contain {@code from}. */
    static void replaceInLine(Path file, int line, String from, String to) {
        List<String> lines = lines(file);
        String before = lines.get(line - 1);
        if (!before.contains(from)) {
            throw new AssertionError("line " + line + " of " + file + " should contain '" + from + "' but is: " + before);
        }
        lines.set(line - 1, before.replace(from, to));
        write(file, lines);
    }
}
