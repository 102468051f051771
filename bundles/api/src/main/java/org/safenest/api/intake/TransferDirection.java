package org.safenest.api.intake;

/** The two directions a case moves between child protection (兒保) and fragile-family service (脆家). */
public enum TransferDirection {
    /** 脆家轉兒保: fragile-family service to child protection, as a statutory report. */
    FF_TO_CP(ServiceLine.FRAGILE_FAMILY, ServiceLine.CHILD_PROTECTION),
    /** 兒保轉脆家: child protection to fragile-family service, after the investigation report. */
    CP_TO_FF(ServiceLine.CHILD_PROTECTION, ServiceLine.FRAGILE_FAMILY);

    private final ServiceLine from;
    private final ServiceLine to;

    TransferDirection(ServiceLine from, ServiceLine to) {
        this.from = from;
        this.to = to;
    }

    public ServiceLine from() {
        return from;
    }

    public ServiceLine to() {
        return to;
    }
}
