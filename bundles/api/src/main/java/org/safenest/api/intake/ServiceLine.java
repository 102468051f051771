package org.safenest.api.intake;

/** The service a case type belongs to; dispatch rules may match a whole line. */
public enum ServiceLine {
    /** 成人保護: domestic violence, disability protection, elder protection. */
    ADULT_PROTECTION("成人保護", "Adult protection"),
    /** 兒少保護: child and youth protection, drug-related cases included. */
    CHILD_PROTECTION("兒少保護", "Child and youth protection"),
    /** 性不當對待: sexual assault, sexual exploitation, sexual harassment. */
    SEXUAL_MISCONDUCT("性不當對待", "Sexual misconduct"),
    /** 脆弱家庭: families at risk who need welfare services, served by the welfare service centres. */
    FRAGILE_FAMILY("脆弱家庭", "Fragile family");

    private final String nameZh;
    private final String nameEn;

    ServiceLine(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** True for the protection lines (handled by the protection centre in Kaohsiung), false for fragile family. */
    public boolean protection() {
        return this != FRAGILE_FAMILY;
    }
}
