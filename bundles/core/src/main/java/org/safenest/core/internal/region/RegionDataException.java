package org.safenest.core.internal.region;

/** A region file that cannot be read, with the file and line at fault. */
public class RegionDataException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final long line;

    public RegionDataException(String file, long line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
