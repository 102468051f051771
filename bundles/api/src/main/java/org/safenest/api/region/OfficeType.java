package org.safenest.api.region;

/** Kinds of receiving unit. */
public enum OfficeType {
    /** 社會福利服務中心: serves fragile families of its districts (Kaohsiung). */
    WELFARE_SERVICE_CENTRE,
    /** 家防中心 station: child, adult and sexual-violence protection for an area (Kaohsiung). */
    PROTECTION_STATION,
    /** Integrated family service centre (Hong Kong). */
    FAMILY_SERVICE_CENTRE,
    /** Any other unit a region defines. */
    OTHER
}
