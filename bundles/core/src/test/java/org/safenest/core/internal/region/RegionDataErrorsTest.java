package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of the real region folders, corrupted in one place: the reader must refuse them and name the file
 * and the line at fault (line 1 is the header of a CSV file; 0 means the whole file).
 */
class RegionDataErrorsTest {

    @TempDir
    Path tmp;

    private Path kaohsiung() {
        return RegionFolders.copy(RegionFolders.KAOHSIUNG, tmp);
    }

    private Path hongKong() {
        return RegionFolders.copy(RegionFolders.HONG_KONG, tmp);
    }

    private static RegionDataException fails(Path folder) {
        return assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
    }

    private static void assertAt(RegionDataException e, String file, long line, String... inMessage) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(line > 0 ? file + ":" + line + ": " : file + ": "), e.getMessage());
        for (String s : inMessage) {
            assertTrue(e.getMessage().contains(s), "'" + s + "' in: " + e.getMessage());
        }
    }

    @Test
    void theCopiesAreValidBeforeTheyAreCorrupted() throws RegionDataException {
        assertEquals(22, RegionFolders.read(kaohsiung()).offices().size());
    }

    // ------------------------------------------------------------------ Kaohsiung welfare centres

    @Test
    void unknownDistrictInTheSecondCentreRowIsReportedOnLine3() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 3, "楠梓區", "楠子區");
        assertAt(fails(folder), "welfare-service-centres.csv", 3, "楠子區", "not in the districts file");
    }

    @Test
    void aDistrictServedByTwoCentresIsRefusedOnTheSecondCentresLine() {
        Path folder = kaohsiung();
        // line 3 (Nanzi centre) also claims Zuoying, which line 2 serves
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 3, ",楠梓區", ",楠梓區;左營區");
        assertAt(fails(folder), "welfare-service-centres.csv", 3, "already served by another centre");
    }

    @Test
    void wholeFengshanBesideItsPartsIsRefused() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 12, "鳳山區(國泰路以南35里)", "鳳山區");
        assertAt(fails(folder), "welfare-service-centres.csv", 12, "already served by another centre");
    }

    @Test
    void aGapInIndicatorNumbersIsRefused() {
        Path folder = hongKong();
        String file = "household-income-by-district-c-and-sd-130-06806.csv";
        RegionFolders.appendLines(folder.resolve("region.properties"), "indicators.4.file = " + file,
                "indicators.4.format = district-table", "indicators.4.key = again", "indicators.4.columns = Total");
        RegionDataException e = fails(folder);
        assertEquals("region.properties", e.file());
        assertTrue(e.getMessage().contains("indicators.3 is missing"), e.getMessage());
    }

    @Test
    void textLongerThanTheDatabaseKeepsIsRefusedWithItsLine() {
        Path folder = hongKong();
        RegionFolders.setProperty(folder.resolve("region.properties"), "indicators.2.unit", "x".repeat(41));
        RegionDataException e = fails(folder);
        assertEquals("region.properties", e.file());
        assertTrue(e.getMessage().contains("longer than 40"), e.getMessage());
    }

    @Test
    void unknownPartOfFengshanIsReportedOnItsLine() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 11, "國泰路以北41里", "國泰路以北42里");
        assertAt(fails(folder), "welfare-service-centres.csv", 11, "國泰路以北42里");
    }

    @Test
    void centreWithoutEntryInTheDescriptorIsReportedOnItsLine() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 5, "三民社會福利服務中心", "三民第二社會福利服務中心");
        assertAt(fails(folder), "welfare-service-centres.csv", 5, "centre.三民第二社會福利服務中心");
    }

    @Test
    void badCoordinateIsReportedOnItsLine() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 19, "23.083352", "23.O83352");
        assertAt(fails(folder), "welfare-service-centres.csv", 19, "'23.O83352' is not a number");
    }

    @Test
    void districtServedByNoCentreIsReported() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("welfare-service-centres.csv"), 19, ";那瑪夏區", "");
        assertAt(fails(folder), "welfare-service-centres.csv", 0, "那瑪夏區", "namaxia", "served by no centre");
    }

    @Test
    void halfOfASplitDistrictServedIsNotEnough() {
        Path folder = kaohsiung();
        RegionFolders.removeLine(folder.resolve("welfare-service-centres.csv"), 12, "鳳山五甲");
        assertAt(fails(folder), "welfare-service-centres.csv", 0, "fengshan", "served by no centre");
    }

    // ------------------------------------------------------------------ descriptor

    @Test
    void fileNamedInTheDescriptorButMissing() throws IOException {
        Path folder = kaohsiung();
        Files.delete(folder.resolve("welfare-service-centres.csv"));
        assertAt(fails(folder), "welfare-service-centres.csv", 0, "cannot read", folder.toAbsolutePath().toString());
    }

    @Test
    void misspelledFileNameInTheDescriptor() {
        Path folder = hongKong();
        RegionFolders.setProperty(folder.resolve("region.properties"), "indicators.2.file", "population-2021.csv");
        assertAt(fails(folder), "population-2021.csv", 0, "cannot read");
    }

    @Test
    void fileNameLeavingTheFolderIsRefused() {
        Path folder = hongKong();
        RegionFolders.setProperty(folder.resolve("region.properties"), "districts", "../districts.csv");
        assertAt(fails(folder), "../districts.csv", 0, "leaves the region folder");
    }

    @Test
    void missingCodeKey() {
        Path folder = kaohsiung();
        RegionFolders.removeProperty(folder.resolve("region.properties"), "code");
        assertAt(fails(folder), "region.properties", 0, "missing key 'code'");
    }

    @Test
    void invalidCode() {
        Path folder = kaohsiung();
        RegionFolders.setProperty(folder.resolve("region.properties"), "code", "Kaohsiung City");
        assertAt(fails(folder), "region.properties", 0, "'Kaohsiung City'");
    }

    @Test
    void unknownTimeZone() {
        Path folder = kaohsiung();
        RegionFolders.setProperty(folder.resolve("region.properties"), "time-zone", "Asia/Kaohsiung");
        assertAt(fails(folder), "region.properties", 0, "Asia/Kaohsiung");
    }

    @Test
    void unknownOfficesFormat() {
        Path folder = kaohsiung();
        RegionFolders.setProperty(folder.resolve("region.properties"), "offices.format", "geojson");
        assertAt(fails(folder), "region.properties", 0, "geojson");
    }

    @Test
    void missingDescriptor() throws IOException {
        Path folder = kaohsiung();
        Files.delete(folder.resolve("region.properties"));
        assertAt(fails(folder), "region.properties", 0, "cannot read");
    }

    // ------------------------------------------------------------------ districts

    @Test
    void districtListedTwice() {
        Path folder = kaohsiung();
        RegionFolders.appendLines(folder.resolve("districts.csv"), "gushan,鼓山區,Gushan District,");
        assertAt(fails(folder), "districts.csv", 40, "gushan", "twice");
    }

    @Test
    void districtWithAnInvalidCode() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("districts.csv"), 3, "gushan,", "Gu Shan,");
        assertAt(fails(folder), "districts.csv", 3, "Gu Shan");
    }

    @Test
    void districtPartWithoutCode() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("districts.csv"), 13, "south=國泰路以南35里", "國泰路以南35里");
        assertAt(fails(folder), "districts.csv", 13, "code=description");
    }

    @Test
    void districtWithoutEnglishName() {
        Path folder = kaohsiung();
        RegionFolders.replaceInLine(folder.resolve("districts.csv"), 5, "Nanzi District", "");
        assertAt(fails(folder), "districts.csv", 5, "name_en");
    }

    // ------------------------------------------------------------------ Hong Kong's school list

    /** Line 1191 is the first kindergarten row of the file (KENDALL INTERNATIONAL PRESCHOOL, A.M.). */
    @Test
    void badNumberInTheSchoolList() {
        Path folder = hongKong();
        RegionFolders.replaceInLine(folder.resolve("school-location-edb.csv"), 1191, "22.28403302", "22.284O3302");
        assertAt(fails(folder), "school-location-edb.csv", 1191, "'22.284O3302' is not a number");
    }

    @Test
    void unknownSessionInTheSchoolList() {
        Path folder = hongKong();
        RegionFolders.replaceInLine(folder.resolve("school-location-edb.csv"), 1191, ",A.M.,", ",EVENING,");
        assertAt(fails(folder), "school-location-edb.csv", 1191, "EVENING");
    }

    @Test
    void unknownDistrictInTheSchoolList() {
        Path folder = hongKong();
        RegionFolders.replaceInLine(folder.resolve("school-location-edb.csv"), 1191, ",EASTERN,", ",EAST END,");
        assertAt(fails(folder), "school-location-edb.csv", 1191, "EAST END");
    }

    @Test
    void badRowsOfOtherSchoolLevelsAreNotRead() throws RegionDataException {
        Path folder = hongKong();
        // line 2 is a primary school: not a preschool level, so its coordinates are never parsed
        RegionFolders.replaceInLine(folder.resolve("school-location-edb.csv"), 2, "22.33101279", "not-a-latitude");
        assertEquals(1040, RegionFolders.read(folder).preschools().size());
    }

    // ------------------------------------------------------------------ district tables

    @Test
    void badNumberInTheCensusTable() {
        Path folder = hongKong();
        RegionFolders.replaceInLine(folder.resolve("population-by-district-census-2021.csv"), 26, " 185 282", " 185 28x");
        assertAt(fails(folder), "population-by-district-census-2021.csv", 26, "185 28x");
    }

    @Test
    void districtMissingFromAnIndicatorTable() {
        Path folder = hongKong();
        RegionFolders.removeLine(folder.resolve("household-income-by-district-c-and-sd-130-06806.csv"), 24, "Islands,");
        assertAt(fails(folder), "household-income-by-district-c-and-sd-130-06806.csv", 0, "Islands", "islands");
    }

    @Test
    void districtTwiceInAnIndicatorTable() {
        Path folder = hongKong();
        RegionFolders.replaceInLine(folder.resolve("household-income-by-district-c-and-sd-130-06806.csv"), 23, "Sai Kung,", "Islands,");
        assertAt(fails(folder), "household-income-by-district-c-and-sd-130-06806.csv", 24, "islands", "twice");
    }

    @Test
    void columnNotFoundAboveTheFirstDistrictRow() {
        Path folder = hongKong();
        RegionFolders.setProperty(folder.resolve("region.properties"), "indicators.1.columns", "Median monthly household income (1) (3) | 2023");
        assertAt(fails(folder), "household-income-by-district-c-and-sd-130-06806.csv", 7, "2023");
    }

    @Test
    void unknownIndicatorFormat() {
        Path folder = hongKong();
        RegionFolders.setProperty(folder.resolve("region.properties"), "indicators.2.format", "xlsx");
        assertAt(fails(folder), "region.properties", 0, "indicators.2.format", "xlsx");
    }
}
