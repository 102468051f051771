package org.safenest.privacy.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.safenest.api.privacy.PersonalDataGuard;
import org.safenest.api.privacy.PersonalDataKind;

/**
 * Finds personal data in the free text of a referral proposal (and of the chair's rationale and follow-up notes),
 * so that the board's simplified form carries none (不揭露個人資料). It answers only the <em>kinds</em> found; the
 * text that matched is never returned, put in a message or logged.
 *
 * <p>What is refused, after full-width forms (Ａ１２３, ＠, （） ...) are folded to ASCII and zero-width characters
 * removed:
 * <ul>
 * <li>{@link PersonalDataKind#TAIWAN_ID}: a letter, 1 or 2, eight digits ({@code A123456789}, any case); resident
 * certificate numbers (ARC/UI: a letter, then A-D, 8 or 9, then eight digits). The checksum is not checked: a
 * look-alike with a wrong check digit is refused too, since it is most likely a mistyped real number.</li>
 * <li>{@link PersonalDataKind#HONG_KONG_ID}: one or two letters, six digits and a check character, with or without
 * brackets ({@code A123456(7)}, {@code AB9876543}).</li>
 * <li>{@link PersonalDataKind#PHONE}: Taiwan mobiles ({@code 0912-345-678}), landlines ({@code (07)123-4567},
 * {@code 07-1234567}, {@code 071234567}), any number written with {@code +} and a country code ({@code +886 ...},
 * {@code +852 ...}), Hong Kong eight-digit numbers starting 2, 3, 5-9 ({@code 9123 4567}), and digits after a label
 * (電話, 手機, Tel, Phone ...). An eight-digit run that reads as a date ({@code 20230221}), two years side by side
 * ({@code 2022 2023}) or an amount ({@code ...元}) is not taken for a phone number.</li>
 * <li>{@link PersonalDataKind#EMAIL}: an e-mail address.</li>
 * <li>{@link PersonalDataKind#ADDRESS}: Chinese addresses with a house number (…路/街/大道/段/巷/弄/村/里 + number + 號),
 * lanes and alleys with a number (12巷, 3弄), floors after a house number (…號3樓), rooms ({@code 1203室}, {@code 1203房}),
 * neighbourhoods (…里12鄰); English addresses (number + capitalised name + Road/Street/St/Rd/Avenue/Lane/...,
 * {@code No. 12, ... Road}), Hong Kong floors and flats ({@code 12/F}, {@code Flat A}). A district or a street name
 * without a number passes (鳳山區, 中山路).</li>
 * <li>{@link PersonalDataKind#DATE_OF_BIRTH}: a date (full, or year and month) near an explicit birth word
 * (出生, 出生日期, 生日, 生於, DOB, born, date of birth, birthday) within 15 characters and the same clause
 * (no comma or full stop between), a date directly followed by 生 or 出生
 * ({@code 104年3月4日生}), and a date in brackets right after an age ({@code 5歲(2015-03-04)}). Dates are
 * recognised as {@code 2015-03-04}, {@code 2015/3/4}, {@code 2015.03.04}, {@code 2015年3月4日}, 民國 dates
 * ({@code 民國104年3月4日}, {@code 104/3/4}), {@code 04/03/2015}, {@code 4 March 2015}, {@code March 4, 2015} and
 * {@code 20150304}. <strong>A date alone is not refused</strong>: case summaries are full of meeting, report and
 * visit dates ({@code 2023-02-21 會議}) and a date without birth context identifies no one; only the birth context
 * makes it a date of birth. This is a deliberate choice, covered by the tests both ways.</li>
 * <li>{@link PersonalDataKind#NAME}: names where the text marks them: after 姓名/名字/全名 (followed by a colon, 叫, 是
 * or 為: any two to four Chinese characters but 不詳, 未知 ...; directly: when they start with a common surname), after 名叫,
 * a common surname followed by 先生/小姐/女士/太太 ({@code 林小姐}, but not the words 依賴先生, 照顧先生 ...), and in English after {@code Name:},
 * {@code name is}, {@code named}, and titles ({@code Mr Chan}, {@code Ms. Wong}). Unmarked names cannot be told
 * from ordinary words and are not detected.</li>
 * </ul>
 * Ordinary summaries pass: ages (5歲), counts, amounts, districts (鳳山區), school terms, case numbers
 * ({@code KHH-2023-000123}) and dates without birth context.
 */
public class TextPersonalDataGuard implements PersonalDataGuard {

    private record Rule(PersonalDataKind kind, Pattern pattern, Predicate<Matcher> accept) {
    }

    private static final String NUM = "[0-9一二三四五六七八九十百千零〇]";
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    /** Full dates, then year-and-month; no leading digit allowed (checked by the callers' look-behind). */
    private static final String DATE = "(?:"
            + "(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
            + "|(?:民國\\s*)?\\d{2,3}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
            + "|\\d{1,2}\\s*[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*(?:19|20)\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(?:19|20)\\d{2}"
            + "|" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}"
            + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
            + "|(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*月?"
            + "|(?:民國\\s*)?\\d{2,3}\\s*年\\s*\\d{1,2}\\s*月"
            + "|" + MONTH + "\\.?\\s+(?:19|20)\\d{2}"
            + ")";
    private static final String BIRTH_WORD = "(?:出生日期|出生年月日|出生於|出生|生日|生於|誕生於|誕生"
            + "|(?i:\\bD\\.?O\\.?B\\b\\.?|\\bdate\\s+of\\s+birth\\b|\\bbirth\\s*date\\b|\\bbirthday\\b|\\bborn\\b(?:\\s+on|\\s+in)?))";
    /** Common surnames; characters that are also common words (方, 向, 于, 和, 高 ...) are left out on purpose. */
    private static final String SURNAMES = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡余杜葉程"
            + "蘇魏呂丁沈姚盧姜崔鍾譚陸汪范廖賈夏韋邱江尹薛閻段雷侯龍史陶黎賀顧毛郝龔邵錢嚴覃戴莫孔湯歐柯簡游詹洪傅賴翁施";
    private static final Set<String> NOT_NAMES_ZH = Set.of("不詳", "未知", "不明", "保密", "略", "匿名", "隱匿", "已遮", "無", "待查", "空白", "欄位", "同上");
    private static final Set<String> NOT_NAMES_EN = Set.of("unknown", "withheld", "redacted", "none", "anonymous", "not", "n/a", "the", "of");

    private static final List<Rule> RULES = List.of(
            // ---- names, where marked
            rule(PersonalDataKind.NAME, "(?:姓名|名字|全名)\\s*(:|叫做|叫|是|為)?\\s*([\\p{IsHan}]{2,4})", m -> {
                String name = m.group(2);
                if (NOT_NAMES_ZH.stream().anyMatch(name::startsWith)) {
                    return false;
                }
                return m.group(1) != null || SURNAMES.indexOf(name.charAt(0)) >= 0;
            }),
            rule(PersonalDataKind.NAME, "名叫\\s*:?\\s*([\\p{IsHan}]{2,4})", m -> NOT_NAMES_ZH.stream().noneMatch(m.group(1)::startsWith)),
            // 依賴先生, 照顧先生, 也許先生, 感謝先生 ... are words, not names
            rule(PersonalDataKind.NAME, "(?<![也或允些期默依照大借緊主感致實設愛謝])[" + SURNAMES + "](?:先生|小姐|女士|太太)"),
            rule(PersonalDataKind.NAME, "(?i:\\bname\\s*:|\\bname\\s+is|\\bnamed)\\s*([A-Z][A-Za-z'/-]+)",
                    m -> !NOT_NAMES_EN.contains(m.group(1).toLowerCase(Locale.ROOT))),
            rule(PersonalDataKind.NAME, "\\b(?:Mr|Mrs|Ms|Miss|Mdm|Madam)\\.?\\s+[A-Z][a-z]+"),

            // ---- identity numbers
            rule(PersonalDataKind.TAIWAN_ID, "(?<![A-Za-z0-9])[A-Za-z]-?[12ABCDabcd89]\\d{8}(?![A-Za-z0-9])"),
            rule(PersonalDataKind.HONG_KONG_ID, "(?<![A-Za-z0-9])[A-Za-z]{1,2}\\d{6}(?:\\s?\\([0-9Aa]\\)|[0-9Aa])(?![A-Za-z0-9])"),

            // ---- phone numbers
            rule(PersonalDataKind.PHONE, "(?<![0-9])09\\d{2}[\\s.-]?\\d{3}[\\s.-]?\\d{3}(?![0-9])"),
            rule(PersonalDataKind.PHONE, "\\+\\s?\\d{1,3}[\\s-]?(?:\\(\\d{1,4}\\)[\\s-]?)?\\d{1,4}(?:[\\s-]?\\d{2,4}){1,4}(?![0-9])",
                    m -> digits(m.group()) >= 8),
            rule(PersonalDataKind.PHONE, "\\(0\\d{1,2}\\)\\s?\\d{3,4}[\\s-]?\\d{3,4}(?![0-9])"),
            rule(PersonalDataKind.PHONE, "(?<![0-9-])0\\d{1,2}-\\d{3,4}-?\\d{4}(?![0-9])"),
            rule(PersonalDataKind.PHONE, "(?<![0-9])0[2-8]\\d{7,8}(?![0-9])"),
            rule(PersonalDataKind.PHONE, "(?<![0-9-])0[2-8]\\d?\\s\\d{3,4}[\\s-]?\\d{3,4}(?![0-9])", m -> digits(m.group()) >= 9),
            rule(PersonalDataKind.PHONE, "(?<![0-9A-Za-z-])([235-9]\\d{3})([\\s-]?)(\\d{4})(?![0-9-])(?!\\s?(?:元|萬|人|次|件|個|歲|%|NTD|HKD|TWD))",
                    TextPersonalDataGuard::hongKongPhone),
            rule(PersonalDataKind.PHONE, "(?i:電話|手機|市話|聯絡方式|聯絡電話|行動電話|\\btel\\b|\\bphone\\b|\\bmobile\\b|whatsapp)\\s*(?:號碼)?\\s*(?:no\\.?)?\\s*:?\\s*(\\+?[0-9(][0-9\\s()-]{5,}[0-9])",
                    m -> digits(m.group(1)) >= 7),

            // ---- e-mail
            rule(PersonalDataKind.EMAIL, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),

            // ---- street addresses
            // Taiwan and Hong Kong streets: 中正路12號, 民族路100-2號, 彌敦道123號, 英皇道8至10號, 太子道西12號之3
            rule(PersonalDataKind.ADDRESS, "(?:路|街|大道|段|巷|弄|村|里|鄰|道|徑|坊|臺|台|圍|東|西|南|北)\\s*" + NUM
                    + "+\\s*(?:[-至]\\s*" + NUM + "+\\s*)?(?:之\\s*" + NUM + "+\\s*)?號"),
            rule(PersonalDataKind.ADDRESS, "號\\s*之\\s*" + NUM + "+"),
            // Hong Kong buildings, estates and blocks: 麗港城第3座, 海怡半島2座, 華富邨華安樓, 美孚新邨5期
            rule(PersonalDataKind.ADDRESS, "(?:大廈|大樓|花園|邨|苑|廣場|閣|城|山莊|豪庭|半島|新村|中心)\\s*(?:第\\s*)?"
                    + "[0-9A-Z一二三四五六七八九十]{1,3}\\s*(?:座|期|棟)"),
            rule(PersonalDataKind.ADDRESS, "(?:邨|城|花園|半島|苑)(?![內的旁附近中外])[\\p{IsHan}]{1,2}(?<![大高])樓"),
            rule(PersonalDataKind.ADDRESS, "號\\s*[\\p{IsHan}]{1,8}(?:大廈|大樓|花園|商場|廣場|中心|閣)"),
            // floors and flats: 12樓A室, 3樓B, 12樓1203, A室, 1203單位, 單位12B, 12樓層A
            rule(PersonalDataKind.ADDRESS, "(?<![0-9])" + NUM + "{1,3}\\s*(?:樓層|樓|/F)\\s*(?:[A-Z]\\d{0,2}|\\d{1,4})(?![0-9A-Za-z])\\s*(?:室|單位|號室|號房|座|房)?"
                    + "(?<=[A-Z0-9室位房座])"),
            rule(PersonalDataKind.ADDRESS, "(?<![A-Za-z0-9])[A-H]\\s*(?:室|單位)"),
            rule(PersonalDataKind.ADDRESS, "(?<![0-9])\\d{2,4}[A-Z]?\\s*單位|單位\\s*\\d{2,4}[A-Z]?|(?<![A-Za-z0-9])[A-Z]\\d{1,2}\\s*單位"),
            rule(PersonalDataKind.ADDRESS, "\\b(?:Room|ROOM|Rm|RM|Unit|UNIT)\\.?\\s*[A-Z]?\\d{2,4}[A-Z]?\\b"),
            rule(PersonalDataKind.ADDRESS, "\\b(?:Block|BLOCK|Blk|BLK|Tower)\\.?\\s+[0-9A-Z]{1,3}\\b"),
            rule(PersonalDataKind.ADDRESS, "\\b(?:Ln|Lane|Aly|Alley|Sec|Section)\\.?\\s*\\d{1,4}\\s*,"),
            rule(PersonalDataKind.ADDRESS, "(?:(?<![0-9])\\d{1,4}|(?:路|街|段)\\s*" + NUM + "{1,4})\\s*(?:巷|弄)"),
            rule(PersonalDataKind.ADDRESS, "號\\s*" + NUM + "+\\s*樓"),
            rule(PersonalDataKind.ADDRESS, "(?<![0-9])\\d{1,3}\\s*樓\\s*之\\s*\\d+"),
            rule(PersonalDataKind.ADDRESS, "(?<![0-9])\\d{3,4}\\s*(?:室|房)"),
            rule(PersonalDataKind.ADDRESS, "(?:里|村)\\s*" + NUM + "{1,3}\\s*鄰"),
            rule(PersonalDataKind.ADDRESS, "(?<![A-Za-z0-9])\\d{1,5}[A-Za-z]?(?:-\\d{1,5})?,?\\s+(?:(?:[A-Z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))\\s+){1,4}"
                    + "(?i:road|rd|street|st|avenue|ave|lane|ln|boulevard|blvd|drive|dr|way|terrace|place|pl|path|crescent|court|square|highway)\\b"),
            rule(PersonalDataKind.ADDRESS, "(?i:\\bno)\\.?\\s*\\d+(?:-\\d+)?\\s*,\\s*(?:(?:[A-Z][A-Za-z.-]*|\\d{1,3}(?:st|nd|rd|th))\\s+){0,3}"
                    + "(?i:road|rd|street|st|lane|ln|alley|aly|sec|section)\\b"),
            rule(PersonalDataKind.ADDRESS, "(?<![A-Za-z0-9])(?:\\d{1,2}|G)/F\\b"),
            rule(PersonalDataKind.ADDRESS, "\\b(?i:flat)\\s+(?:[A-Z]\\d{0,3}|\\d{1,4}[A-Z]?)\\b"),

            // ---- dates of birth: a date with birth context only
            rule(PersonalDataKind.DATE_OF_BIRTH, BIRTH_WORD + "[^。；;，,\\n]{0,15}?(?<![0-9])" + DATE),
            rule(PersonalDataKind.DATE_OF_BIRTH, "(?<![0-9])" + DATE + "\\s{0,2}(?:出生|生人|生(?![\\p{IsHan}]))"),
            rule(PersonalDataKind.DATE_OF_BIRTH, "(?i:歲|\\by/?o\\b|years?\\s+old|\\bage\\s*\\d{1,2})\\s*[(\\[]\\s*" + DATE));

    private final ChineseNames names = new ChineseNames();

    /** Loads the dictionaries of the name recogniser now rather than at the first check. */
    public void warmUp() {
        names.warmUp();
    }

    private static Rule rule(PersonalDataKind kind, String regex) {
        return rule(kind, regex, m -> true);
    }

    private static Rule rule(PersonalDataKind kind, String regex, Predicate<Matcher> accept) {
        return new Rule(kind, Pattern.compile(regex), accept);
    }

    /** The kinds of personal data in {@code text}, in the order of {@link PersonalDataKind}; empty when none. */
    @Override
    public Set<PersonalDataKind> find(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        String normal = normalise(text);
        EnumSet<PersonalDataKind> found = EnumSet.noneOf(PersonalDataKind.class);
        for (Rule r : RULES) {
            if (found.contains(r.kind())) {
                continue;
            }
            Matcher m = r.pattern().matcher(normal);
            while (m.find()) {
                if (r.accept().test(m)) {
                    found.add(r.kind());
                    break;
                }
            }
        }
        if (!found.contains(PersonalDataKind.NAME) && names.contains(normal)) {
            found.add(PersonalDataKind.NAME);
        }
        return Collections.unmodifiableSet(found);
    }

    /** Folds full-width ASCII, ideographic spaces and dash variants to ASCII; drops zero-width characters. */
    static String normalise(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0') {
                b.append(' ');
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63') {
                b.append('-');
            } else if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                continue;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /** An eight-digit Hong Kong number, unless the digits read as a date or as two years. */
    private static boolean hongKongPhone(Matcher m) {
        String first = m.group(1);
        String second = m.group(3);
        if (isYear(first) && isYear(second)) {
            return false;
        }
        if (m.group(2).isEmpty() && isYear(first)) {
            try {
                LocalDate.of(Integer.parseInt(first), Integer.parseInt(second.substring(0, 2)), Integer.parseInt(second.substring(2)));
                return false;
            } catch (DateTimeException e) {
                return true;
            }
        }
        return true;
    }

    private static boolean isYear(String four) {
        return four.startsWith("19") || four.startsWith("20");
    }
}
