package org.safenest.allocation.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.safenest.api.allocation.AllocationUnit;
import org.safenest.api.error.ConflictException;

/**
 * Catchment data: which catchment (an IFSC's area in Hong Kong) each unit belongs to, as a CSV file with a header,
 * either {@code unit,catchment} (one line per unit code) or {@code district,catchment} (every unit of the district).
 * A file may mix neither: the header decides. Units the file does not name keep no catchment; strategies that use
 * catchments then fall back to the unit's district for them.
 */
public final class CatchmentFile {

    private CatchmentFile() {
    }

    /** Reads the file for these units; {@link ConflictException} naming the file and line when it cannot be used. */
    public static Map<String, String> read(Path file, List<AllocationUnit> units) {
        Map<String, List<String>> byDistrict = new HashMap<>();
        Map<String, String> known = new HashMap<>();
        for (AllocationUnit u : units) {
            byDistrict.computeIfAbsent(u.preschool().district(), d -> new java.util.ArrayList<>()).add(u.code());
            known.put(u.code(), u.code());
        }
        Map<String, String> result = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setIgnoreEmptyLines(true).setCommentMarker('#').get().parse(in)) {
            List<String> header = csv.getHeaderNames();
            boolean byUnit = header.contains("unit");
            if ((!byUnit && !header.contains("district")) || !header.contains("catchment")) {
                throw new ConflictException("Catchment file " + file + ": the header must be 'unit,catchment' or 'district,catchment'");
            }
            for (CSVRecord r : csv) {
                String key = r.get(byUnit ? "unit" : "district");
                String catchment = r.get("catchment");
                if (key.isEmpty() || catchment.isEmpty()) {
                    throw new ConflictException("Catchment file " + file + " line " + (r.getRecordNumber() + 1) + ": empty value");
                }
                if (byUnit) {
                    if (!known.containsKey(key)) {
                        throw new ConflictException("Catchment file " + file + " line " + (r.getRecordNumber() + 1)
                                + ": the region has no unit '" + key + "'");
                    }
                    result.put(key, catchment);
                } else {
                    List<String> codes = byDistrict.get(key);
                    if (codes == null) {
                        throw new ConflictException("Catchment file " + file + " line " + (r.getRecordNumber() + 1)
                                + ": the region has no units in district '" + key + "'");
                    }
                    codes.forEach(c -> result.put(c, catchment));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConflictException("Catchment file " + file + " cannot be read: " + e.getMessage());
        }
        return result;
    }
}
