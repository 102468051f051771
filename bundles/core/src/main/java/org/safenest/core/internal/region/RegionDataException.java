package org.safenest.core.internal.region;

import java.util.List;

/**
 * Region files that cannot be read, with the file and line at fault. The reader goes on after a wrong row or file
 * and gathers every problem it finds ({@link #problems()}); {@link #file()}, {@link #line()} and the message begin
 * with the first one.
 */
public class RegionDataException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem: the file (relative to the region folder), the line (1 is a CSV file's header; 0: the whole file). */
    public record Problem(String file, long line, String message) {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RegionDataException(String file, long line, String message) {
        this(List.of(new Problem(file, line, message)));
    }

    /** Every problem found, in the order found; at least one. */
    public RegionDataException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem");
        }
        String first = problems.get(0).toString();
        return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more problem(s))";
    }

    public String file() {
        return problems.get(0).file();
    }

    public long line() {
        return problems.get(0).line();
    }

    /** The first problem's message without its file and line. */
    public String problem() {
        return problems.get(0).message();
    }

    public List<Problem> problems() {
        return problems;
    }
}
