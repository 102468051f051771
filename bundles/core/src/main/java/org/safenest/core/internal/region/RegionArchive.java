package org.safenest.core.internal.region;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A region's files uploaded as one zip archive: {@code region.properties} and the files it names, at the top of the
 * archive or in one folder (a zipped folder). Read wholly into memory with limits, so that a hostile archive (a zip
 * bomb, thousands of entries, names that leave the folder) is refused instead of filling the disk or the heap.
 */
public final class RegionArchive implements RegionSource {

    /** Largest archive accepted, and largest total of its files unpacked. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final int MAX_ENTRIES = 200;

    private final Map<String, byte[]> files;
    private final String description;

    private RegionArchive(Map<String, byte[]> files, String description) {
        this.files = Collections.unmodifiableMap(files);
        this.description = description;
    }

    /** The file names of the archive, relative to the region folder. */
    public Map<String, byte[]> files() {
        return files;
    }

    /**
     * Reads an archive. Problems are reported as a {@link RegionDataException} naming the archive or the entry at
     * fault.
     */
    public static RegionArchive read(byte[] zip, String description) throws RegionDataException {
        if (zip == null || zip.length == 0) {
            throw new RegionDataException("(archive)", 0, "the request holds no archive: send the zip file as the body");
        }
        if (zip.length > MAX_BYTES) {
            throw new RegionDataException("(archive)", 0, "the archive is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName().replace('\\', '/');
                if (e.isDirectory() || name.startsWith("__MACOSX/") || name.endsWith("/.DS_Store") || name.equals(".DS_Store")) {
                    continue;
                }
                if (name.startsWith("/") || name.contains("../") || name.equals("..") || name.contains(":")) {
                    throw new RegionDataException(name, 0, "the name leaves the region folder: refused");
                }
                if (entries.size() >= MAX_ENTRIES) {
                    throw new RegionDataException("(archive)", 0, "more than " + MAX_ENTRIES + " files");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_BYTES) {
                        throw new RegionDataException("(archive)", 0, "the files unpack to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                    }
                    out.write(buffer, 0, n);
                }
                if (entries.put(name, out.toByteArray()) != null) {
                    throw new RegionDataException(name, 0, "appears twice in the archive");
                }
            }
        } catch (ZipException e) {
            throw new RegionDataException("(archive)", 0, "not a zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw new RegionDataException("(archive)", 0, "cannot be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new RegionDataException("(archive)", 0, "not a zip archive, or an empty one");
        }
        return new RegionArchive(strip(entries), description);
    }

    /** A zipped folder: the files of its one top folder, without the folder's name. */
    private static Map<String, byte[]> strip(Map<String, byte[]> entries) throws RegionDataException {
        if (entries.containsKey(RegionDataReader.DESCRIPTOR)) {
            return entries;
        }
        String prefix = null;
        for (String name : entries.keySet()) {
            if (name.endsWith("/" + RegionDataReader.DESCRIPTOR) && name.indexOf('/') == name.length() - RegionDataReader.DESCRIPTOR.length() - 1) {
                if (prefix != null) {
                    throw new RegionDataException("(archive)", 0, "two folders hold a " + RegionDataReader.DESCRIPTOR + ": zip one region");
                }
                prefix = name.substring(0, name.length() - RegionDataReader.DESCRIPTOR.length());
            }
        }
        if (prefix == null) {
            throw new RegionDataException(RegionDataReader.DESCRIPTOR, 0, "missing: the archive holds " + RegionDataReader.DESCRIPTOR
                    + " and the files it names, at its top or in one folder");
        }
        Map<String, byte[]> stripped = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                stripped.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return stripped;
    }

    @Override
    public InputStream open(String name) throws IOException {
        byte[] data = files.get(name);
        if (data == null) {
            throw new NoSuchFileException(name, null, "missing in the archive");
        }
        return new ByteArrayInputStream(data);
    }

    @Override
    public String describe() {
        return description;
    }
}
