package org.safenest.api.error;

/** A named thing (a region, a case, a plan, ...) that does not exist. Answered as 404. */
public class NotFoundException extends SafenestException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        this(kind, id, "Unknown " + kind + " '" + id + "'");
    }

    /** With a message of its own, for when "Unknown KIND 'ID'" does not say enough. */
    public NotFoundException(String kind, String id, String message) {
        super(message);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
