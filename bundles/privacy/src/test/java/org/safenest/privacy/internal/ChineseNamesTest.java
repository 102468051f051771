package org.safenest.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The look-ahead of the kinship pattern covers every term of the alternation. Synthetic strings only. */
class ChineseNamesTest {

    @Test
    void everyKinshipTermStartsWithACharacterOfTheLookAhead() {
        // the terms of ChineseNames.KIN, read from the pattern text itself: every run of characters between | ( ) ?:
        Pattern first = Pattern.compile(ChineseNames.KIN_FIRST);
        Matcher terms = Pattern.compile("[\\p{IsHan}A-Za-z]+").matcher(ChineseNames.KIN.replace("(?i:", "(").replace("\\s+", " "));
        int n = 0;
        while (terms.find()) {
            String term = terms.group();
            int at = terms.start();
            // only the first run after a separator starts a term (not "worker" in "social worker")
            char before = at == 0 ? '|' : ChineseNames.KIN.replace("(?i:", "(").replace("\\s+", " ").charAt(at - 1);
            if (before == '|' || before == '(' || before == ':' || before == '?' || before == ')') {
                assertTrue(first.matcher(term.substring(0, 1)).matches(), "no look-ahead character for the term at " + at);
                n++;
            }
        }
        assertTrue(n > 100, "the terms were read: " + n);
    }
}
