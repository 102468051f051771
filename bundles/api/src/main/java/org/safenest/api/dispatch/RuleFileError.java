package org.safenest.api.dispatch;

/**
 * An error found in a rule file.
 *
 * @param source  the file's name or path
 * @param line    the line, from 1; 0 for an error about the whole file
 * @param message what is wrong and how to fix it ({@code unknown office 'fengshan-swc'})
 */
public record RuleFileError(String source, int line, String message) {
}
