package org.safenest.core.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safenest.api.region.Catchment;
import org.safenest.api.region.DistrictIndicator;
import org.safenest.api.region.Preschool;
import org.safenest.api.region.RegionData;

/** Catchments as region data: read from the documented formats, derived (synthetic, deterministic) when only counted. */
class CatchmentsTest {

    @Test
    void hongKongDerives65SyntheticCatchmentsSharedByPopulation() throws Exception {
        RegionData hk = RegionFolders.read(RegionFolders.HONG_KONG);
        assertEquals(1040, hk.catchments().size(), "every kindergarten has a catchment");
        assertTrue(hk.catchments().stream().allMatch(Catchment::synthetic));
        Map<String, List<Catchment>> byCatchment = hk.catchments().stream().collect(Collectors.groupingBy(Catchment::catchment));
        assertEquals(65, byCatchment.size());
        Map<String, String> districtOf = new HashMap<>();
        hk.preschools().forEach(p -> districtOf.put(p.code(), p.district()));
        // a catchment lies in one district, and is named after it
        for (Map.Entry<String, List<Catchment>> e : byCatchment.entrySet()) {
            Set<String> districts = e.getValue().stream().map(c -> districtOf.get(c.unit())).collect(Collectors.toSet());
            assertEquals(1, districts.size(), e.getKey());
            assertTrue(e.getKey().startsWith(districts.iterator().next() + "-"), e.getKey());
        }
        // each district has at least one; within a district the sizes differ by at most one
        Map<String, Set<String>> catchmentsOf = new TreeMap<>();
        hk.catchments().forEach(c -> catchmentsOf.computeIfAbsent(districtOf.get(c.unit()), k -> new TreeSet<>()).add(c.catchment()));
        assertEquals(18, catchmentsOf.size());
        for (Set<String> cs : catchmentsOf.values()) {
            List<Integer> sizes = cs.stream().map(c -> byCatchment.get(c).size()).toList();
            assertTrue(sizes.stream().mapToInt(i -> i).max().getAsInt() - sizes.stream().mapToInt(i -> i).min().getAsInt() <= 1, cs + " " + sizes);
        }
        // shared by population: the most populous district has more catchments than the least populous
        Map<String, Double> population = hk.indicators().stream().filter(i -> i.indicator().equals("population"))
                .collect(Collectors.toMap(DistrictIndicator::district, DistrictIndicator::value));
        String most = population.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String least = population.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(catchmentsOf.get(most).size() > catchmentsOf.get(least).size(), most + " vs " + least);
        // about 16 units each on average: 1,040 / 65
        assertEquals(16.0, 1040.0 / byCatchment.size());
    }

    @Test
    void theDerivationIsDeterministicAndIndependentOfInputOrder() throws Exception {
        RegionData hk = RegionFolders.read(RegionFolders.HONG_KONG);
        List<Catchment> again = RegionFolders.read(RegionFolders.HONG_KONG).catchments();
        assertEquals(hk.catchments(), again);
        List<Preschool> reversed = new java.util.ArrayList<>(hk.preschools());
        java.util.Collections.reverse(reversed);
        Map<String, Double> population = hk.indicators().stream().filter(i -> i.indicator().equals("population"))
                .collect(Collectors.toMap(DistrictIndicator::district, DistrictIndicator::value));
        assertEquals(hk.catchments(), CatchmentDerivation.derive(65, hk.districts(), reversed, population));
    }

    @Test
    void catchmentsAreReadFromTheUnitFormatAndWinOverDerive(@TempDir Path dir) throws Exception {
        Path folder = RegionFolders.copy(RegionFolders.HONG_KONG, dir);
        RegionData hk = RegionFolders.read(folder);
        StringBuilder csv = new StringBuilder("unit,catchment\n");
        for (Preschool p : hk.preschools()) {
            csv.append(p.code()).append(',').append("ifsc-").append(p.district()).append('\n');
        }
        Files.writeString(folder.resolve("ifsc-catchments.csv"), csv.toString());
        Files.writeString(folder.resolve("region.properties"), Files.readString(folder.resolve("region.properties"))
                + "\ncatchments = ifsc-catchments.csv\ncatchments.format = unit-catchment\n");
        RegionData read = RegionFolders.read(folder);
        assertEquals(1040, read.catchments().size());
        assertTrue(read.catchments().stream().noneMatch(Catchment::synthetic), "read from data, not derived");
        assertEquals(18, read.catchments().stream().map(Catchment::catchment).distinct().count());
        Preschool first = hk.preschools().stream().min(java.util.Comparator.comparing(Preschool::code)).orElseThrow();
        assertEquals(new Catchment(first.code(), "ifsc-" + first.district(), false), read.catchments().get(0));
    }

    @Test
    void theDistrictFormatAndItsErrorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path folder = RegionFolders.copy(RegionFolders.HONG_KONG, dir);
        String properties = Files.readString(folder.resolve("region.properties"))
                + "\ncatchments = by-district.csv\ncatchments.format = district-catchment\n";
        Files.writeString(folder.resolve("region.properties"), properties);
        RegionData hk = RegionFolders.read(RegionFolders.HONG_KONG);
        StringBuilder csv = new StringBuilder("district,catchment\n");
        hk.districts().forEach(d -> csv.append(d.nameEn()).append(",north\n"));
        Files.writeString(folder.resolve("by-district.csv"), csv.toString());
        assertEquals(Set.of("north"), RegionFolders.read(folder).catchments().stream().map(Catchment::catchment).collect(Collectors.toSet()));

        Files.writeString(folder.resolve("by-district.csv"), "district,catchment\nAtlantis,north\n");
        RegionDataException e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertTrue(e.getMessage().contains("by-district.csv") && e.getMessage().contains("2"), e.getMessage());
        // a unit file that leaves a kindergarten out is refused
        Files.writeString(folder.resolve("region.properties"), properties.replace("district-catchment", "unit-catchment"));
        Files.writeString(folder.resolve("by-district.csv"), "unit,catchment\n" + hk.preschools().get(0).code() + ",c1\n");
        e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertTrue(e.getMessage().contains("has no catchment"), e.getMessage());
        Files.writeString(folder.resolve("region.properties"), properties.replace("district-catchment", "ifsc-xml"));
        e = assertThrows(RegionDataException.class, () -> RegionFolders.read(folder));
        assertTrue(e.getMessage().contains("not known"), e.getMessage());
    }
}
