package org.safenest.privacy.internal;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.other.CharTable;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

/**
 * Chinese personal names that the text does not label: after a kinship or role term (個案母親陳美玲表示, 繼父劉俊傑),
 * before a title (班主任李老師, 黃社工), a field that is a name and nothing else (a household reference 王小明), and
 * names that HanLP's person-name recognition finds in running text and that a speech or action verb follows.
 *
 * <p>Patterns find the candidates (a surname where a name can stand); <a href="https://github.com/hankcs/HanLP">HanLP</a>
 * (portable 1.x: its core dictionary, its custom dictionary and its role-tagging person-name recogniser over
 * simplified characters) decides whether the characters after the surname are a word rather than a name:
 * 母親陳述 (陳述 is a verb), 外婆周末 (a time word), 王道, 高雄 (a place), 課程老師 (the 程 belongs to 課程). The text
 * is folded to simplified characters one character for one ({@link CharTable}), so positions stay the same.
 *
 * <p>Never logs or keeps the text.
 */
final class ChineseNames {

    /** Common surnames (traditional forms, as in the text); characters that are mostly words are left out. */
    static final String SURNAMES = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程"
            + "蘇魏呂丁沈姚盧姜崔鍾譚陸汪范廖賈夏韋邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵錢嚴覃戴莫孔湯歐柯簡游詹洪傅賴翁施";
    /** More surnames, taken only where the context says a name stands (after a kinship term, before a title). */
    static final String MORE_SURNAMES = SURNAMES + "何高方石金白溫康莊阮巫藍卓鄒熊秦柳鐘凌駱倪殷古易伍麥岑關冼魯聶祝包孟車齊戚紀辛俞";

    /** Kinship and role terms a name follows (longest first within the alternation). */
    static final String KIN = "(?:個案|案主|案家|案)?(?:母親|父親|媽媽|爸爸|祖母|祖父|外婆|外公|外祖母|外祖父|奶奶|爺爺|阿嬤|阿公|阿媽"
            + "|繼父|繼母|養父|養母|生父|生母|舅舅|舅媽|阿姨|姨丈|姑姑|姑丈|叔叔|嬸嬸|伯父|伯母|伯伯|哥哥|姊姊|姐姐|弟弟|妹妹"
            + "|兒子|女兒|孫子|孫女|丈夫|妻子|前夫|前妻|男友|女友|同居人|同居男友|同居女友|表哥|表姊|表姐|表弟|表妹|堂哥|堂姊|堂弟|堂妹"
            + "|監護人|照顧者|主要照顧者|親屬|親戚|保母|保姆|褓姆|鄰居|室友|朋友|同學|同事|房東)"
            + "|案母|案父|案兄|案姊|案姐|案弟|案妹|案祖母|案祖父|案外婆|案妻|案夫|案童|案女|案子"
            + "|班主任|班導師|班導|導師|老師|校長|主任|社工員|社工師|社工|督導|醫師|醫生|護理師|警員|員警|警察|里長|鄰長|村長|負責人"
            + "|通報人|加害人|相對人|被害人|證人|當事人|學生|男童|女童|幼童|少年|少女|兒童|孩子|小孩"
            + "|(?i:grand(?:mother|father|ma|pa)|step(?:father|mother)|father|mother|brother|sister|uncle|aunt|cousin|son|daughter"
            + "|boyfriend|girlfriend|husband|wife|neighbou?r|classmate|teacher|principal|social\\s+worker|carer|guardian|nanny|mum|mom|dad)";
    /** Titles after a surname (李老師, 陳社工, 王主任). 先生, 小姐, 女士, 太太 are the other guard's. */
    static final String TITLE = "(?:老師|導師|社工員|社工師|社工|督導|主任|校長|組長|院長|醫師|醫生|護理師|護士|警員|警官|員警|法官|律師"
            + "|里長|鄰長|阿姨|伯伯|叔叔|阿伯|阿嬤|阿公|媽媽|爸爸|同學|老闆|師傅)";

    /**
     * The first characters of every term of {@link #KIN}: a look-ahead on them lets the matcher skip most positions
     * with one character test instead of trying the whole alternation (a 4,000-character summary took twice as long
     * without it).
     */
    static final String KIN_FIRST = "[個案母父媽爸祖外奶爺阿繼養生舅姨姑叔嬸伯哥姊姐弟妹兒女孫丈妻前男同表堂監照主親保褓鄰室朋房"
            + "班導老校社督醫護警員里村負通加相被證當學幼少孩小A-Za-z]";

    private static final Pattern AFTER_KIN = Pattern.compile("(?=" + KIN_FIRST + ")(?:" + KIN + ")\\s*(?:[:：]\\s*|叫做|名為|是|為|叫)?\\s*(["
            + MORE_SURNAMES + "])([\\p{IsHan}]{1,2})");
    private static final Pattern BEFORE_TITLE = Pattern.compile("([" + MORE_SURNAMES + "])([\\p{IsHan}]{0,2}?)" + TITLE);
    private static final Pattern WHOLE = Pattern.compile("[" + SURNAMES + "][\\p{IsHan}]{1,3}");
    private static final Pattern FIELD_PART = Pattern.compile("[\\s,，、;；/|]+");
    private static final Pattern KIN_WORD = Pattern.compile(KIN);
    /** Characters that do not begin a given name: anonymised (王某, 陳姓, 林氏) or function words. */
    private static final String NOT_GIVEN_START = "某姓氏先的了在是和與及也都就說稱因於已未不很再又曾仍則等們表指向跟對被把從讓給將並且或若如即但卻均皆每各該此";
    /** A name stands before these in running text: speech and action verbs and the like. */
    private static final Set<String> SPEECH = Set.of("表示", "說", "稱", "指出", "提到", "透露", "坦承", "承認", "否認", "同意", "拒絕",
            "通報", "聯繫", "聯絡", "陪同", "帶", "到校", "來電", "前來", "出面", "照顧", "負責", "告知", "回應", "說明");

    private Segment segment;

    /**
     * HanLP's segmenter, made at the first use. HanLP's configuration looks for {@code hanlp.properties} through the
     * thread's context class loader; that is this bundle's while HanLP initialises, so no other bundle's file is
     * taken and HanLP stays in its portable mode (dictionaries read as resources of its own jar).
     */
    private synchronized Segment segment() {
        if (segment == null) {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(ChineseNames.class.getClassLoader());
            try {
                segment = HanLP.newSegment().enableOffset(true).enableNameRecognize(true).enablePlaceRecognize(false)
                        .enableOrganizationRecognize(false).enableTranslatedNameRecognize(false).enableJapaneseNameRecognize(false);
                segment.seg("個案母親陳美玲表示");
                CoreDictionary.get("表示");
                CustomDictionary.get("高雄");
            } finally {
                thread.setContextClassLoader(before);
            }
        }
        return segment;
    }

    /** Loads HanLP's dictionaries now (about a second) rather than at the first check. */
    void warmUp() {
        segment();
    }

    /** True when {@code text} (already normalised) holds an unlabelled Chinese name. */
    boolean contains(String text) {
        Segment seg = segment();
        String simple = CharTable.convert(text);
        if (simple.length() != text.length()) {
            return false; // never happens for CharTable (one char for one); guards the positions below
        }
        return afterKinship(text, simple) || beforeTitle(text, simple) || wholeField(text, simple) || recognised(seg, text, simple);
    }

    private boolean afterKinship(String text, String simple) {
        Matcher m = AFTER_KIN.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int s = m.start(1);
            if (isName(text, simple, s, m.end(2))) {
                return true;
            }
            from = m.start() + 1;
        }
        return false;
    }

    /** The surname at {@code s} and one or two given-name characters up to {@code end} read as a name, not as words. */
    private boolean isName(String text, String simple, int s, int end) {
        if (s + 1 >= text.length() || NOT_GIVEN_START.indexOf(text.charAt(s + 1)) >= 0) {
            return false;
        }
        String first = simple.substring(s, s + 2);
        if (ordinaryWord(first) || place(first)) {
            // 陳述, 王道, 周末, 高雄: a word, unless three characters that are no word stand where a name stands,
            // before a speech verb or at the end of a clause (王國強表示, 林子涵，)
            if (end - s < 3 || !endsClause(text, s + 3) || ordinaryWord(simple.substring(s, s + 3))
                    || ordinaryWord(simple.substring(s + 1, s + 3)) || place(simple.substring(s, s + 3))) {
                return false;
            }
        }
        if (end - s >= 3) {
            String three = simple.substring(s, s + 3);
            if (ordinaryWord(three) || place(three)) {
                return false;
            }
            String given = simple.substring(s + 1, s + 3);
            if (notAGivenName(given)) {
                // 母親曾表示 (表示 a verb): the surname alone is left, and a surname alone is no name
                return false;
            }
        } else if (s + 2 < simple.length() && notAGivenName(simple.substring(s + 1, s + 3))) {
            return false;
        }
        return true;
    }

    private boolean beforeTitle(String text, String simple) {
        Matcher m = BEFORE_TITLE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int s = m.start(1);
            from = m.start() + 1;
            // the surname must start a word: not the end of 課程 (課程老師), 任何 (任何老師), 家長 ...
            if (s > 0 && (ordinaryWord(simple.substring(s - 1, s + 1)) || place(simple.substring(s - 1, s + 1))
                    || KIN_WORD.matcher(text.substring(Math.max(0, s - 1), s + 1)).matches())) {
                continue;
            }
            if (s >= 2 && (ordinaryWord(simple.substring(s - 2, s + 1)) || place(simple.substring(s - 2, s + 1)))) {
                continue;
            }
            String given = m.group(2);
            if (given.isEmpty()) {
                // 李老師: the surname and the title, unless the pair is a word (高老師? 方老師 pass through this too)
                if (ordinaryWord(simple.substring(s, m.end())) || NOT_GIVEN_START.indexOf(simple.charAt(s)) >= 0) {
                    continue;
                }
                return true;
            }
            if (isName(text, simple, s, m.end(2))) {
                return true;
            }
        }
        return false;
    }

    /** A field (or a part of it between separators) that is a surname and one to three characters: 王小明. */
    private boolean wholeField(String text, String simple) {
        int at = 0;
        for (String part : FIELD_PART.split(text, -1)) {
            int s = text.indexOf(part, at);
            at = s + part.length();
            if (part.length() >= 2 && part.length() <= 4 && WHOLE.matcher(part).matches()) {
                String p = simple.substring(s, s + part.length());
                if (!ordinaryWord(p) && !place(p) && isName(text, simple, s, s + Math.min(3, part.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A person name that HanLP recognises (nr), of a common surname, that a speech or action verb follows. */
    private boolean recognised(Segment seg, String text, String simple) {
        List<Term> terms;
        synchronized (seg) {
            terms = seg.seg(simple);
        }
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.nature != Nature.nr || t.word.length() < 2 || t.word.length() > 3 || SURNAMES.indexOf(text.charAt(t.offset)) < 0) {
                continue;
            }
            if (i + 1 < terms.size() && SPEECH.contains(text.substring(terms.get(i + 1).offset,
                    terms.get(i + 1).offset + terms.get(i + 1).word.length()))
                    && isName(text, simple, t.offset, t.offset + Math.min(3, t.word.length()))) {
                return true;
            }
        }
        return false;
    }

    /** After position {@code at}: the end of the text or clause, a space, or a speech or action verb. */
    private static boolean endsClause(String text, int at) {
        if (at >= text.length()) {
            return true;
        }
        char c = text.charAt(at);
        if (!Character.isLetterOrDigit(c)) {
            return true;
        }
        for (String verb : SPEECH) {
            if (text.startsWith(verb, at)) {
                return true;
            }
        }
        return false;
    }

    /** A word of the core dictionary that is not a person name (陳述 v, 王道 n, 周末 t). */
    static boolean ordinaryWord(String simple) {
        CoreDictionary.Attribute a = CoreDictionary.get(simple);
        if (a == null) {
            return false;
        }
        for (Nature n : a.nature) {
            if (n.toString().startsWith("nr")) {
                return false;
            }
        }
        return true;
    }

    /** A place name of HanLP's dictionaries (高雄, 鳳山). */
    static boolean place(String simple) {
        CoreDictionary.Attribute a = CustomDictionary.get(simple);
        if (a == null) {
            return false;
        }
        for (Nature n : a.nature) {
            if (n.toString().startsWith("ns")) {
                return true;
            }
        }
        return false;
    }

    /** Two characters after a surname that are a verb, an adverb, a function word, a role: 表示, 曾經, 社工. */
    private static boolean notAGivenName(String given) {
        CoreDictionary.Attribute a = CoreDictionary.get(given);
        if (a != null) {
            boolean noun = false;
            for (Nature n : a.nature) {
                String s = n.toString();
                if (s.startsWith("n") && !s.equals("nnt") && !s.equals("nnd")) {
                    noun = true;
                }
            }
            if (!noun) {
                return true;
            }
        }
        return false;
    }
}
