package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A region folder on disk ({@code safenest:region-reload <region> <folder>}). */
class RegionSourceTest {

    @TempDir
    Path tmp;

    private static String read(RegionSource source, String name) throws IOException {
        try (InputStream in = source.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void opensFilesInsideTheFolder() throws IOException {
        Files.writeString(tmp.resolve("region.properties"), "code = test\n");
        Files.createDirectory(tmp.resolve("sub"));
        Files.writeString(tmp.resolve("sub/data.csv"), "a,b\n");
        RegionSource source = RegionSource.of(tmp);
        assertEquals("code = test\n", read(source, "region.properties"));
        assertEquals("a,b\n", read(source, "sub/data.csv"));
        assertEquals("a,b\n", read(source, "sub/../sub/data.csv"));
        assertEquals("folder " + tmp.toAbsolutePath(), source.describe());
    }

    @Test
    void refusesFilesOutsideTheFolder() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("region"));
        Files.writeString(tmp.resolve("secret.txt"), "not region data");
        RegionSource source = RegionSource.of(folder);
        IOException up = assertThrows(IOException.class, () -> source.open("../secret.txt"));
        assertTrue(up.getMessage().contains("leaves the region folder"), up.getMessage());
        IOException absolute = assertThrows(IOException.class, () -> source.open(tmp.resolve("secret.txt").toString()));
        assertTrue(absolute.getMessage().contains("leaves the region folder"), absolute.getMessage());
    }

    @Test
    void missingFileSaysSo() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> RegionSource.of(tmp).open("districts.csv"));
        assertTrue(e.getMessage().contains("missing file"), e.getMessage());
        assertTrue(e.getMessage().contains("districts.csv"), e.getMessage());
    }

    @Test
    void aRelativeFolderWorks() throws RegionDataException {
        // as the region data tests use it: relative to the Maven working directory bundles/core
        assertEquals("kaohsiung", RegionDataReader.read(RegionSource.of(RegionFolders.KAOHSIUNG)).code());
    }

    /**
     * {@code safenest:region-reload kaohsiung .} run from the data folder: Path.of(".") normalises to the empty
     * path, which no resolved file name "starts with", so every file is refused as leaving the folder.
     * Maven runs the tests in bundles/core, where pom.xml is a file inside ".".
     */
    @Test
    void theCurrentFolderGivenAsDotIsReadable() throws IOException {
        assertTrue(Files.isRegularFile(Path.of("pom.xml")), "tests run in bundles/core");
        String pom = read(RegionSource.of(Path.of(".")), "pom.xml");
        assertTrue(pom.contains("<artifactId>safenest-core</artifactId>"));
    }
}
