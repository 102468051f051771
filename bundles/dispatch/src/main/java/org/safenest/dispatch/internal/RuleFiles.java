package org.safenest.dispatch.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.Bundle;

/**
 * The files of one rule-set source: a {@code versions.csv} and the rule files it names, read from a region
 * bundle, a folder on disk or a set of named texts (a REST request). File names are relative to the source and
 * may not leave it.
 */
public interface RuleFiles {

    /** The name of the list of versions in a folder source. */
    String VERSIONS = "versions.csv";

    /** The folder of a region bundle that holds its dispatch rules. */
    String BUNDLE_FOLDER = "safenest-region/dispatch/";

    /** The file's text (UTF-8), or null when there is no such file. */
    String read(String name) throws IOException;

    /** How errors and the rule set's {@code source} name the file. */
    String describe(String name);

    /** Where the files come from, for logs and problems. */
    String describe();

    /** The names of the CSV files of the source, sorted (empty when they cannot be listed). */
    default java.util.List<String> names() {
        return java.util.List.of();
    }

    static RuleFiles of(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new RuleFiles() {
            @Override
            public String read(String name) throws IOException {
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root) || file.equals(root)) {
                    throw new IOException("file name '" + name + "' leaves the folder " + root);
                }
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String describe(String name) {
                return root.resolve(name).normalize().toString();
            }

            @Override
            public String describe() {
                return "folder " + root;
            }

            @Override
            public java.util.List<String> names() {
                try (java.util.stream.Stream<Path> list = Files.list(root)) {
                    return list.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                            .filter(n -> n.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")).sorted().toList();
                } catch (IOException e) {
                    return java.util.List.of();
                }
            }
        };
    }

    static RuleFiles of(Bundle bundle) {
        String label = "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion();
        return new RuleFiles() {
            @Override
            public String read(String name) throws IOException {
                if (name.contains("..") || name.startsWith("/")) {
                    throw new IOException("file name '" + name + "' leaves the folder " + BUNDLE_FOLDER);
                }
                URL url = bundle.getEntry(BUNDLE_FOLDER + name);
                if (url == null) {
                    return null;
                }
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }

            @Override
            public String describe(String name) {
                return BUNDLE_FOLDER + name;
            }

            @Override
            public String describe() {
                return label;
            }
        };
    }

    /** Named texts, as sent in a REST request; {@code label} says where they came from. */
    static RuleFiles of(Map<String, String> files, String label) {
        Map<String, String> copy = new LinkedHashMap<>(files);
        return new RuleFiles() {
            @Override
            public String read(String name) {
                return copy.get(name);
            }

            @Override
            public String describe(String name) {
                return name;
            }

            @Override
            public String describe() {
                return label;
            }

            @Override
            public java.util.List<String> names() {
                return copy.keySet().stream().sorted().toList();
            }
        };
    }
}
