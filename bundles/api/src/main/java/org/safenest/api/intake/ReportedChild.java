package org.safenest.api.intake;

/**
 * A child (for adult-protection types, a person) a report concerns. Carries no name.
 *
 * @param age      age in whole years; required, 0 to 120
 * @param childRef a pseudonymous reference to the child in the reporting system, or null; when given,
 *                 it tells a report about a child already in a case from one about a sibling
 */
public record ReportedChild(Integer age, String childRef) {
}
