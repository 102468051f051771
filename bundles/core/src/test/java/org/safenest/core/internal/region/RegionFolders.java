package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.safenest.api.region.RegionData;

/**
 * The region bundles' data folders as tests see them (Maven runs tests in {@code bundles/core}), and helpers
 * to copy a folder and corrupt one line of a copied file.
 */
final class RegionFolders {

    static final Path KAOHSIUNG = Path.of("../region-kaohsiung/src/main/resources/safenest-region");
    static final Path HONG_KONG = Path.of("../region-hong-kong/src/main/resources/safenest-region");

    private RegionFolders() {
    }

    static RegionData read(Path folder) throws RegionDataException {
        return RegionDataReader.read(RegionSource.of(folder));
    }

    /** Copies the files of a region folder (flat) into {@code target}; returns {@code target}. */
    static Path copy(Path folder, Path target) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites line {@code line} (1-based, as the reader counts) of a file. {@code expected} must occur in
     * the line before the change, so a test fails loudly when the data it corrupts has moved.
     */
    static void editLine(Path file, int line, String expected, UnaryOperator<String> change) {
        List<String> lines = lines(file);
        String before = lines.get(line - 1);
        assertTrue(before.contains(expected), "line " + line + " of " + file + " should contain '" + expected + "' but is: " + before);
        String after = change.apply(before);
        assertTrue(!after.equals(before), "the edit must change line " + line);
        lines.set(line - 1, after);
        write(file, lines);
    }

    /** Replaces {@code from} by {@code to} in line {@code line} (1-based). */
    static void replaceInLine(Path file, int line, String from, String to) {
        editLine(file, line, from, l -> l.replace(from, to));
    }

    static void removeLine(Path file, int line, String expected) {
        List<String> lines = lines(file);
        assertTrue(lines.get(line - 1).contains(expected), "line " + line + " should contain '" + expected + "'");
        lines.remove(line - 1);
        write(file, lines);
    }

    static void appendLines(Path file, String... added) {
        List<String> lines = lines(file);
        lines.addAll(List.of(added));
        write(file, lines);
    }

    /** Removes the lines of a properties file that define {@code key} (as {@code key = ...}). */
    static void removeProperty(Path file, String key) {
        List<String> lines = lines(file);
        int before = lines.size();
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        assertTrue(lines.size() < before, "no property '" + key + "' in " + file);
        write(file, lines);
    }

    static void setProperty(Path file, String key, String value) {
        List<String> lines = lines(file);
        lines.removeIf(l -> l.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*"));
        lines.add(key + " = " + value);
        write(file, lines);
    }

    static List<String> lines(Path file) {
        try {
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
