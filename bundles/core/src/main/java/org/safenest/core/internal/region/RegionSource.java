package org.safenest.core.internal.region;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.osgi.framework.Bundle;

/** Where a region's files are read from: a region bundle's {@code safenest-region/} folder or a folder on disk. */
public interface RegionSource {

    /** The folder inside a region bundle that holds {@code region.properties} and the files it names. */
    String BUNDLE_FOLDER = "safenest-region/";

    /** How {@link #describe()} of a bundle source begins. */
    String BUNDLE_SOURCE = "bundle ";

    /** Opens a file by its name relative to the region folder. */
    InputStream open(String name) throws IOException;

    /** Says where the files come from, for the region's {@code source} and for error messages. */
    String describe();

    static RegionSource of(Path folder) {
        return new RegionSource() {
            @Override
            public InputStream open(String name) throws IOException {
                Path root = folder.toAbsolutePath().normalize();
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("file name '" + name + "' leaves the region folder");
                }
                try {
                    return Files.newInputStream(file);
                } catch (NoSuchFileException e) {
                    throw new NoSuchFileException(file.toString(), null, "missing file");
                }
            }

            @Override
            public String describe() {
                return "folder " + folder.toAbsolutePath();
            }
        };
    }

    static RegionSource of(Bundle bundle) {
        return new RegionSource() {
            @Override
            public InputStream open(String name) throws IOException {
                URL url = bundle.getEntry(BUNDLE_FOLDER + name);
                if (url == null) {
                    throw new NoSuchFileException(BUNDLE_FOLDER + name, null, "missing in bundle " + bundle.getSymbolicName());
                }
                return url.openStream();
            }

            @Override
            public String describe() {
                return BUNDLE_SOURCE + bundle.getSymbolicName() + " " + bundle.getVersion();
            }
        };
    }
}
