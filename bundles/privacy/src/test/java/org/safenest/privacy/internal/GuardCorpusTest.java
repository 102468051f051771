package org.safenest.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.safenest.api.privacy.PersonalDataKind;

/**
 * The guard against the synthetic corpus in {@code src/test/resources/corpus/} (every file says it is synthetic):
 * the refusal rate of each category of personal data (the share of lines refused <em>with the right kind</em>) and the
 * false-refusal rate on clean case-work sentences, printed as a table (the README of bundles/privacy shows it).
 *
 * <p>The floors: at least 90 % refused in every category, at most 3 % of clean sentences refused. 90 % because a
 * summary that slips through is still read by trained staff and is caught by the next guard (the referral board's),
 * while a refusal stops a report at the intake window: with about 100 reports a day at Kaohsiung's window, 3 % false
 * refusals would be three reports a day that staff must rephrase, which is about what a window can bear.
 */
class GuardCorpusTest {

    private static final TextPersonalDataGuard GUARD = new TextPersonalDataGuard();

    record Category(String file, String name, PersonalDataKind kind) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("names-after-kinship.txt", "names in running text", PersonalDataKind.NAME),
            new Category("names-with-labels.txt", "names with labels, bare names", PersonalDataKind.NAME),
            new Category("hk-addresses.txt", "Hong Kong addresses", PersonalDataKind.ADDRESS),
            new Category("tw-addresses.txt", "Taiwan addresses", PersonalDataKind.ADDRESS),
            new Category("phones.txt", "phone numbers", PersonalDataKind.PHONE),
            new Category("ids.txt", "identity numbers", null));
    /** Written after the rules were tuned, never used to tune them: reported as they come, with a lower floor. */
    static final Category HOLDOUT = new Category("holdout-names.txt", "held-out: names in running text", PersonalDataKind.NAME);

    static List<String> lines(String file) throws IOException {
        try (InputStream in = GuardCorpusTest.class.getResourceAsStream("/corpus/" + file)) {
            if (in == null) {
                throw new IOException("no corpus file " + file);
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line);
                    }
                }
            }
            return out;
        }
    }

    private static boolean refused(String text, PersonalDataKind kind) {
        Set<PersonalDataKind> found = GUARD.find(text);
        return kind == null ? found.contains(PersonalDataKind.TAIWAN_ID) || found.contains(PersonalDataKind.HONG_KONG_ID)
                : found.contains(kind);
    }

    @Test
    void refusalAndFalseRefusalRates() throws IOException {
        Map<String, double[]> rates = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder("\n| category | lines | refused | rate |\n|---|---:|---:|---:|\n");
        StringBuilder missed = new StringBuilder();
        for (Category c : CATEGORIES) {
            List<String> lines = lines(c.file());
            int refused = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (refused(lines.get(i), c.kind())) {
                    refused++;
                } else {
                    missed.append(c.file()).append(" #").append(i + 1).append(debug(lines.get(i))).append('\n');
                }
            }
            double rate = 100.0 * refused / lines.size();
            rates.put(c.name(), new double[] {lines.size(), rate});
            table.append(String.format("| %s | %d | %d | %.1f %% |%n", c.name(), lines.size(), refused, rate));
        }
        List<String> clean = lines("clean.txt");
        int falseRefusals = 0;
        for (int i = 0; i < clean.size(); i++) {
            Set<PersonalDataKind> found = GUARD.find(clean.get(i));
            if (!found.isEmpty()) {
                falseRefusals++;
                missed.append("clean.txt #").append(i + 1).append(' ').append(found).append(debug(clean.get(i))).append('\n');
            }
        }
        double falseRate = 100.0 * falseRefusals / clean.size();
        table.append(String.format("| clean sentences (false refusals) | %d | %d | %.1f %% |%n", clean.size(), falseRefusals, falseRate));
        List<String> holdout = lines(HOLDOUT.file());
        int holdoutRefused = 0;
        for (int i = 0; i < holdout.size(); i++) {
            if (refused(holdout.get(i), HOLDOUT.kind())) {
                holdoutRefused++;
            } else {
                missed.append(HOLDOUT.file()).append(" #").append(i + 1).append(debug(holdout.get(i))).append('\n');
            }
        }
        double holdoutRate = 100.0 * holdoutRefused / holdout.size();
        table.append(String.format("| %s | %d | %d | %.1f %% |%n", HOLDOUT.name(), holdout.size(), holdoutRefused, holdoutRate));
        List<String> holdoutClean = lines("holdout-clean.txt");
        int holdoutFalse = 0;
        for (int i = 0; i < holdoutClean.size(); i++) {
            Set<PersonalDataKind> found = GUARD.find(holdoutClean.get(i));
            if (!found.isEmpty()) {
                holdoutFalse++;
                missed.append("holdout-clean.txt #").append(i + 1).append(' ').append(found).append(debug(holdoutClean.get(i))).append('\n');
            }
        }
        double holdoutFalseRate = 100.0 * holdoutFalse / holdoutClean.size();
        table.append(String.format("| held-out: clean sentences (false refusals) | %d | %d | %.1f %% |%n", holdoutClean.size(),
                holdoutFalse, holdoutFalseRate));
        System.out.println(table);
        System.out.println("Not as expected (line numbers of the corpus files):\n" + missed);

        for (Map.Entry<String, double[]> e : rates.entrySet()) {
            assertTrue(e.getValue()[0] >= 60, e.getKey() + ": at least 60 synthetic lines");
            assertTrue(e.getValue()[1] >= 90.0, e.getKey() + ": refusal rate " + e.getValue()[1] + " % is below 90 %");
        }
        assertTrue(clean.size() >= 200, "at least 200 clean sentences");
        assertTrue(falseRate <= 3.0, "false-refusal rate " + falseRate + " % is above 3 %");
        assertTrue(holdoutRate >= 80.0, "held-out names: refusal rate " + holdoutRate + " % is below 80 %");
        assertTrue(holdoutFalseRate <= 5.0, "held-out clean sentences: false-refusal rate " + holdoutFalseRate + " % is above 5 %");
    }

    /** The synthetic text itself only when asked ({@code -Dcorpus.show=true}): never a habit of printing what was checked. */
    private static String debug(String text) {
        return Boolean.getBoolean("corpus.show") ? " " + text : "";
    }

    @Test
    void theExamplesOfTheIssue() {
        assertEquals(Set.of(PersonalDataKind.NAME), GUARD.find("個案母親陳美玲表示孩子常晚歸"));
        assertEquals(Set.of(PersonalDataKind.NAME), GUARD.find("the father 黃大文 works nights"));
        assertEquals(Set.of(PersonalDataKind.NAME), GUARD.find("班主任李老師通報"));
        assertEquals(Set.of(PersonalDataKind.NAME), GUARD.find("王小明"));
        assertEquals(Set.of(PersonalDataKind.PHONE), GUARD.find("案母表示近日常不在家，聯絡電話 0912-345-678"));
        for (String clean : List.of("王道", "高雄市", "高雄市鳳山區", "社工", "老師", "鳳山社會福利服務中心", "家防中心鳳山站",
                "苓雅區", "深水埗區", "個案母親陳述孩子常晚歸", "課程老師表示", "母親曾表示", "HH-2024-0001", "household-17")) {
            assertEquals(Set.of(), GUARD.find(clean), "must pass: line of the synthetic examples #" + clean.hashCode());
        }
    }
}
