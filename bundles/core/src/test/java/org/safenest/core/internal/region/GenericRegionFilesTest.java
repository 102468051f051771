package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.intake.ServiceLine;
import org.safenest.api.region.Office;
import org.safenest.api.region.OfficeType;
import org.safenest.api.region.RegionData;
import org.safenest.api.region.ServedArea;

/**
 * The generic offices format ({@code offices-csv}), case types in a region's files, every problem gathered with its
 * file and line, and region archives: on the made-up example city of the README (docs/example-city, synthetic).
 */
class GenericRegionFilesTest {

    static final Path EXAMPLE = Path.of("../../docs/example-city");

    @TempDir
    Path tmp;

    private Path example() {
        return RegionFolders.copy(EXAMPLE, tmp);
    }

    private static Office office(RegionData data, String code) {
        return data.offices().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theExampleCityIsReadWithItsOfficesAndCaseTypes() throws RegionDataException {
        RegionDataReader.RegionFiles files = RegionDataReader.readAll(RegionSource.of(EXAMPLE));
        RegionData data = files.data();
        assertEquals("lianhua", data.code());
        assertEquals("Asia/Taipei", data.timeZone());
        assertEquals(6, data.districts().size());
        assertEquals(4, data.offices().size());

        Office protection = office(data, "lh-protection");
        assertEquals(OfficeType.PROTECTION_STATION, protection.type());
        assertEquals(6, protection.serves().size(), "'*' serves every district");
        assertNull(protection.parent());

        Office west = office(data, "lh-swc-west");
        assertEquals(OfficeType.WELFARE_SERVICE_CENTRE, west.type());
        assertEquals("lh-protection", west.parent());
        assertEquals(List.of(new ServedArea("lotus-west", null), new ServedArea("harbour", "north")), west.serves());
        assertEquals(24.606, west.location().latitude(), 1e-9);
        assertEquals(121.884, west.location().longitude(), 1e-9);

        // by Chinese name, by part description in brackets, by English name
        assertEquals(List.of(new ServedArea("lotus-east", null), new ServedArea("hillside", null)), office(data, "lh-swc-east").serves());
        assertEquals(List.of(new ServedArea("harbour", "south"), new ServedArea("riverbend", null), new ServedArea("orchard", null)),
                office(data, "lh-swc-harbour").serves());

        assertEquals(1, files.caseTypes().size());
        assertEquals("elder-neglect", files.caseTypes().get(0).code());
        assertEquals(ServiceLine.ADULT_PROTECTION, files.caseTypes().get(0).serviceLine());
    }

    @Test
    void everyProblemIsListedWithItsFileAndLine() {
        Path folder = example();
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 3, "東蓮區;山腰區", "東蓮區;山頂區");
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 4, "welfare-service-centre", "welfare-centre");
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 5, "lh-protection,,", "lh-nowhere,,");
        RegionFolders.replaceInLine(folder.resolve("districts.csv"), 7, "orchard,", "riverbend,");
        RegionFolders.replaceInLine(folder.resolve("case-types.csv"), 2, "ADULT_PROTECTION", "ADULTS");
        RegionFolders.appendLines(folder.resolve("region.properties"), "ofices.format = offices-csv");
        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        List<String> problems = e.problems().stream().map(RegionDataException.Problem::toString).toList();
        String all = String.join("\n", problems);
        assertTrue(all.contains("districts.csv:7: district code 'riverbend' appears twice"), all);
        assertTrue(all.contains("offices.csv:3: district '山頂區' is not in the districts file"), all);
        assertTrue(all.contains("offices.csv:4: type 'welfare-centre' is not known"), all);
        assertTrue(all.contains("offices.csv:5: parent 'lh-nowhere' is not an office of this file"), all);
        assertTrue(all.contains("case-types.csv:2: service_line 'ADULTS' is not one of"), all);
        assertTrue(all.contains("region.properties: unknown key 'ofices.format'"), all);
        assertEquals("districts.csv", e.file(), "the first problem found comes first");
        assertEquals(7, e.line());
    }

    @Test
    void twoOfficesOfOneTypeMayNotServeTheSameDistrict() {
        Path folder = example();
        // the Harbour centre also claims the north part, which the West centre serves
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 5, "港灣區(港灣路以南)", "harbour");
        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertEquals("offices.csv", e.file());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("already served by lh-swc-west, another office of type welfare-service-centre"), e.getMessage());
    }

    @Test
    void aDistrictNoOfficeServesIsAProblemOfTheWholeFile() {
        Path folder = example();
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 2, ",*", ",lotus-east");
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 3, "東蓮區;山腰區", "山腰區");
        RegionFolders.replaceInLine(folder.resolve("offices.csv"), 2, ",lotus-east", ",hillside");
        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertEquals(List.of(new RegionDataException.Problem("offices.csv", 0, "district 東蓮區 (lotus-east) is served by no office")),
                e.problems());
    }

    @Test
    void aDefaultCaseTypeCannotBeRedefined() {
        Path folder = example();
        RegionFolders.appendLines(folder.resolve("case-types.csv"), "child-protection,兒少,Children,CHILD_PROTECTION");
        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertEquals("case-types.csv", e.file());
        assertEquals(3, e.line());
    }

    // ------------------------------------------------------------------ archives

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> files(Path folder, String prefix) throws IOException {
        try (var list = Files.list(folder)) {
            return list.collect(Collectors.toMap(f -> prefix + f.getFileName(), f -> {
                try {
                    return Files.readAllBytes(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, (a, b) -> a, java.util.TreeMap::new));
        }
    }

    @Test
    void aZippedFolderAndZippedFilesReadAlike() throws Exception {
        RegionData flat = RegionDataReader.read(RegionArchive.read(zip(files(EXAMPLE, "")), "test"));
        RegionData nested = RegionDataReader.read(RegionArchive.read(zip(files(EXAMPLE, "example-city/")), "test"));
        RegionData folder = RegionFolders.read(EXAMPLE);
        assertEquals(folder.offices(), flat.offices());
        assertEquals(folder.offices(), nested.offices());
        assertEquals(folder.checksum(), flat.checksum(), "the same files make the same checksum");
    }

    @Test
    void anArchiveWithoutDescriptorOrWithAnEscapingNameIsRefused() throws Exception {
        RegionDataException none = assertThrows(RegionDataException.class,
                () -> RegionArchive.read(zip(Map.of("a/districts.csv", "x".getBytes())), "test"));
        assertEquals("region.properties", none.file());
        RegionDataException escape = assertThrows(RegionDataException.class,
                () -> RegionArchive.read(zip(Map.of("../region.properties", "x".getBytes())), "test"));
        assertTrue(escape.getMessage().contains("leaves the region folder"), escape.getMessage());
        RegionDataException notZip = assertThrows(RegionDataException.class,
                () -> RegionArchive.read("code = x".getBytes(), "test"));
        assertEquals("(archive)", notZip.file());
    }

    @Test
    void aFileTheDescriptorNamesButTheArchiveLacksIsNamed() throws Exception {
        Map<String, byte[]> entries = files(EXAMPLE, "");
        entries.remove("offices.csv");
        RegionDataException e = assertThrows(RegionDataException.class,
                () -> RegionDataReader.read(RegionArchive.read(zip(entries), "test")));
        assertEquals("offices.csv", e.file());
        assertFalse(e.problems().isEmpty());
    }
}
