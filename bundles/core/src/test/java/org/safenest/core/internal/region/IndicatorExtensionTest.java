package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.RegionData;

/**
 * A region adds district indicators as data, without code: a new {@code indicators.N.*} entry in
 * {@code region.properties} in format {@code indicators-csv}.
 *
 * <p>The figures in the CSV files written here are SYNTHETIC, made up for the test; they are not statistics.
 */
class IndicatorExtensionTest {

    @TempDir
    Path tmp;

    /** Synthetic values (not real statistics); districts named by English name, Chinese name, code or "... District". */
    private static final String SYNTHETIC = String.join("\n",
            "district,indicator,value,unit,period,source",
            "Central and Western,child-abuse-cases-synthetic,12,cases,2022,synthetic test data",
            "灣仔區,child-abuse-cases-synthetic,7,cases,2022,synthetic test data",
            "sham-shui-po,child-abuse-cases-synthetic,\"1,234.5\",cases,2022,synthetic test data",
            "Islands District,single-parents-synthetic,3 210,persons,2021,synthetic test data",
            "");

    @Test
    void anIndicatorsCsvEntryIsReadAlongsideTheTables() throws IOException, RegionDataException {
        Path folder = RegionFolders.copy(RegionFolders.HONG_KONG, tmp);
        Files.writeString(folder.resolve("synthetic-indicators.csv"), SYNTHETIC, StandardCharsets.UTF_8);
        RegionFolders.appendLines(folder.resolve("region.properties"),
                "indicators.3.file = synthetic-indicators.csv",
                "indicators.3.format = indicators-csv");

        RegionData data = RegionFolders.read(folder);

        assertEquals(36 + 4, data.indicators().size());
        List<DistrictIndicator> added = data.indicators().subList(36, 40);
        assertEquals(List.of(
                new DistrictIndicator("central-and-western", "child-abuse-cases-synthetic", 12, "cases", "2022", "synthetic test data"),
                new DistrictIndicator("wan-chai", "child-abuse-cases-synthetic", 7, "cases", "2022", "synthetic test data"),
                new DistrictIndicator("sham-shui-po", "child-abuse-cases-synthetic", 1234.5, "cases", "2022", "synthetic test data"),
                new DistrictIndicator("islands", "single-parents-synthetic", 3210, "persons", "2021", "synthetic test data")),
                added);
        // the two published tables are still read as before
        assertEquals(18, data.indicators().stream().filter(i -> i.indicator().equals("population")).count());
        assertEquals(18, data.indicators().stream().filter(i -> i.indicator().equals("median-monthly-household-income")).count());
    }

    @Test
    void aRegionWithoutIndicatorsCanGainSome() throws IOException, RegionDataException {
        Path folder = RegionFolders.copy(RegionFolders.KAOHSIUNG, tmp);
        // synthetic values
        Files.writeString(folder.resolve("extra.csv"), String.join("\n",
                "\uFEFFdistrict,indicator,value,unit,period,source",
                "鳳山區,fragile-family-reports-synthetic,321,reports,2023,synthetic",
                "Namaxia District,fragile-family-reports-synthetic,4,reports,2023,synthetic"), StandardCharsets.UTF_8);
        RegionFolders.appendLines(folder.resolve("region.properties"),
                "indicators.1.file = extra.csv", "indicators.1.format = indicators-csv");

        RegionData data = RegionFolders.read(folder);

        assertEquals(List.of(new DistrictIndicator("fengshan", "fragile-family-reports-synthetic", 321, "reports", "2023", "synthetic"),
                new DistrictIndicator("namaxia", "fragile-family-reports-synthetic", 4, "reports", "2023", "synthetic")),
                data.indicators());
    }

    @Test
    void anUnknownDistrictInAnIndicatorsCsvNamesTheLine() throws IOException {
        Path folder = RegionFolders.copy(RegionFolders.HONG_KONG, tmp);
        Files.writeString(folder.resolve("synthetic-indicators.csv"), SYNTHETIC.replace("灣仔區", "Wanchai Town"), StandardCharsets.UTF_8);
        RegionFolders.appendLines(folder.resolve("region.properties"),
                "indicators.3.file = synthetic-indicators.csv", "indicators.3.format = indicators-csv");

        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertEquals("synthetic-indicators.csv", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("Wanchai Town"), e.getMessage());
    }

    @Test
    void aBadValueInAnIndicatorsCsvNamesTheLine() throws IOException {
        Path folder = RegionFolders.copy(RegionFolders.HONG_KONG, tmp);
        Files.writeString(folder.resolve("synthetic-indicators.csv"), SYNTHETIC.replace("3 210", "n/a"), StandardCharsets.UTF_8);
        RegionFolders.appendLines(folder.resolve("region.properties"),
                "indicators.3.file = synthetic-indicators.csv", "indicators.3.format = indicators-csv");

        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertEquals("synthetic-indicators.csv", e.file());
        assertEquals(5, e.line());
    }
}
