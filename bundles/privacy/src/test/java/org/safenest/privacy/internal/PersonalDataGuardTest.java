package org.safenest.privacy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safenest.api.error.FieldError;
import org.safenest.api.privacy.PersonalDataKind;

/**
 * The personal-data guard against a corpus of strings that must be refused and ordinary case summaries that must
 * pass. <b>All strings are synthetic</b>, written for this test: the ID numbers, phone numbers, addresses, names and
 * dates belong to no one we know of (any real number with the same digits is a coincidence).
 */
class PersonalDataGuardTest {

    private static final TextPersonalDataGuard guard = new TextPersonalDataGuard();

    static Stream<Arguments> refused() {
        return Stream.of(
                // Taiwan national ID and resident certificate numbers
                Arguments.of("身分證字號A123456789，目前就讀國小", PersonalDataKind.TAIWAN_ID),
                Arguments.of("id a223456789 on the school form", PersonalDataKind.TAIWAN_ID),
                Arguments.of("案主身分證：Ａ１２３４５６７８９", PersonalDataKind.TAIWAN_ID),
                Arguments.of("統一證號FA12345678的外籍案母", PersonalDataKind.TAIWAN_ID),
                Arguments.of("new resident number A800000014 of the mother", PersonalDataKind.TAIWAN_ID),
                Arguments.of("look-alike with a wrong check digit: B123456780", PersonalDataKind.TAIWAN_ID),
                // Hong Kong identity cards
                Arguments.of("HKID A123456(7) of the father", PersonalDataKind.HONG_KONG_ID),
                Arguments.of("身份證號碼 AB9876543", PersonalDataKind.HONG_KONG_ID),
                Arguments.of("mother's card z683365 (5)", PersonalDataKind.HONG_KONG_ID),
                // phone numbers
                Arguments.of("案母手機0912-345-678，白天可聯絡", PersonalDataKind.PHONE),
                Arguments.of("call 0912345678 after 6pm", PersonalDataKind.PHONE),
                Arguments.of("家中電話(07)123-4567", PersonalDataKind.PHONE),
                Arguments.of("landline 07-1234567", PersonalDataKind.PHONE),
                Arguments.of("市話02-2345-6789", PersonalDataKind.PHONE),
                Arguments.of("reach the aunt on +886 912 345 678", PersonalDataKind.PHONE),
                Arguments.of("the school +886-7-123-4567", PersonalDataKind.PHONE),
                Arguments.of("father's mobile 9123 4567 (Hong Kong)", PersonalDataKind.PHONE),
                Arguments.of("WhatsApp +852 6123 4567", PersonalDataKind.PHONE),
                Arguments.of("聯絡電話：２３４５６７８", PersonalDataKind.PHONE),
                Arguments.of("call 071234567 at the grandmother's", PersonalDataKind.PHONE),
                // e-mail
                Arguments.of("mother's email is test.parent@example.com", PersonalDataKind.EMAIL),
                Arguments.of("信箱 abc_123＠example.org.tw", PersonalDataKind.EMAIL),
                // street addresses
                Arguments.of("住高雄市鳳山區光復路二段120號", PersonalDataKind.ADDRESS),
                Arguments.of("案家位於中正路123巷4弄5號3樓", PersonalDataKind.ADDRESS),
                Arguments.of("苓雅區四維三路2號附近", PersonalDataKind.ADDRESS),
                Arguments.of("住在15巷內的平房", PersonalDataKind.ADDRESS),
                Arguments.of("搬到文英里12鄰", PersonalDataKind.ADDRESS),
                Arguments.of("華富邨華安樓12樓1203室", PersonalDataKind.ADDRESS),
                Arguments.of("The family lives at 12 Nathan Road, Kowloon", PersonalDataKind.ADDRESS),
                Arguments.of("moved to 221B Baker Street last year", PersonalDataKind.ADDRESS),
                Arguments.of("No. 45, Wujia 1st Rd., Fengshan", PersonalDataKind.ADDRESS),
                Arguments.of("Flat A, 12/F, Wah Fu Estate", PersonalDataKind.ADDRESS),
                // dates of birth
                Arguments.of("出生日期：2015-03-04", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("案主民國104年3月4日生，現8歲", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("104年3月4日出生，就讀國小", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("生日 2015/3/4", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("DOB 04/03/2015", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("born on 4 March 2015 in Kaohsiung", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("Date of birth: 2015.03.04", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("案主5歲(2015-03-04)", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("2015年3月出生，早產", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("child born March 4, 2015", PersonalDataKind.DATE_OF_BIRTH),
                Arguments.of("出生於20150304", PersonalDataKind.DATE_OF_BIRTH),
                // names where marked
                Arguments.of("姓名：王小明", PersonalDataKind.NAME),
                Arguments.of("案主姓名:陳大文，7歲", PersonalDataKind.NAME),
                Arguments.of("名字叫李小華", PersonalDataKind.NAME),
                Arguments.of("Name: Chan Tai Man", PersonalDataKind.NAME),
                Arguments.of("the child's name is Wong", PersonalDataKind.NAME),
                Arguments.of("Mr. Lee, the stepfather, refused the visit", PersonalDataKind.NAME),
                Arguments.of("鄰居林小姐通報", PersonalDataKind.NAME),
                Arguments.of("同住的名叫阿明", PersonalDataKind.NAME));
    }

    /** Synthetic ordinary summaries, as welfare centres and the protection centre write them. */
    static Stream<String> ordinary() {
        return Stream.of(
                "案主5歲，與母親及外祖母同住於鳳山區，學校反映近兩週未到校。",
                "2023-02-21 會議討論後，社福中心評估家庭功能尚可。",
                "兒少8歲，國小二年級，上學期缺課12天。",
                "案家3名子女，案母失業，經濟困難，申請急難救助2次。",
                "The child, aged 6, lives with two siblings in Fengshan District; the school reported bruises twice this term.",
                "案父酗酒，113專線通報2次，家防中心調查後認為再受虐風險低。",
                "Joint visit with the protection centre on 2023-04-10; the family accepted parenting support.",
                "家庭功能良好，案家無其他服務需求，建議轉脆弱家庭服務。",
                "Mother recognises the behaviour; minor injury; low risk of repeat harm. Refer to FF.",
                "近3個月訪視4次，案母配合度高，案母依賴先生照顧幼兒。",
                "Case KHH-2023-000123 was transferred after the investigation report.",
                "案主就讀幼兒園大班，每週二、四下午接受早療課程。",
                "兒少保護案件，處遇中，社工每月家訪1次，需要鳳山區及苓雅區社福中心協助。",
                "School term 2022/23: attendance 85%, 3 incidents reported by the kindergarten.",
                "Family moved from Sanmin District to Lingya District in 2022 2023; the welfare centre followed up.",
                "112年度第2次會議決議由兒保社工開案。",
                "案母與先生分居，獨力照顧2名幼兒，需要托育補助，每月收入約25000元，負債300萬元。",
                "The grandmother, 68, is the main carer; the father works night shifts; road safety lesson at school.",
                "案主出生後即由祖母照顧，2023-02-21會議決議由社福中心續處。",
                "學校輔導室於112年3月15日通報，20230221 召開個案研討。",
                "經評估為脆弱家庭，建議由社福中心擔任個管，家防中心提供法律協助；姓名欄位空白。",
                "Phone contact with the school twice; name of the school withheld; flat affect noted by the teacher.",
                "Referral number 1120001 in the old system; 5 home visits between 2023/01/16 and 2023/03/30.");
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesPersonalData(String text, PersonalDataKind kind) {
        Set<PersonalDataKind> found = guard.find(text);
        assertTrue(found.contains(kind), "expected " + kind + " in the synthetic string #" + text.hashCode() + ", found " + found);
    }

    @ParameterizedTest
    @MethodSource("ordinary")
    void ordinarySummariesPass(String text) {
        assertEquals(Set.of(), guard.find(text), text);
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(refused().count() >= 30);
        assertTrue(ordinary().count() >= 20);
        // every kind is covered by the refused corpus
        assertEquals(Set.of(PersonalDataKind.values()), Set.copyOf(refused().map(a -> (PersonalDataKind) a.get()[1]).toList()));
    }

    @Test
    void theErrorNamesFieldAndKindButNeverTheData() {
        String text = "案母手機0912-345-678，信箱 test.parent@example.com";
        FieldError error = guard.check("summary", text).orElseThrow().toFieldError();
        assertEquals("summary", error.field());
        assertEquals("personal-data.phone", error.code());
        assertTrue(error.message().contains("'summary'"));
        assertTrue(error.message().contains("a phone number") && error.message().contains("an e-mail address"), error.message());
        for (String part : List.of("0912", "345", "678", "test.parent", "example.com")) {
            assertFalse(error.message().contains(part), "the message must not echo the data");
        }
    }

    @Test
    void kindsComeInTheirDeclaredOrderAndTheFirstGivesTheCode() {
        FieldError error = guard.check("reason", "DOB 2015-03-04, Name: Chan").orElseThrow().toFieldError();
        assertEquals(PersonalDataKind.NAME.errorCode(), error.code());
        assertEquals(List.of(PersonalDataKind.NAME, PersonalDataKind.DATE_OF_BIRTH),
                List.copyOf(guard.find("DOB 2015-03-04, Name: Chan")));
    }

    @Test
    void aDateAloneIsNotADateOfBirth() {
        // the documented choice: dates are refused only with birth context
        assertEquals(Set.of(), guard.find("2015-03-04"));
        assertEquals(Set.of(), guard.find("民國104年3月4日"));
        assertEquals(Set.of(PersonalDataKind.DATE_OF_BIRTH), guard.find("民國104年3月4日生"));
        assertEquals(Set.of(PersonalDataKind.DATE_OF_BIRTH), guard.find("birthday 2015-03-04"));
        // birth context in another clause does not reach a later date
        assertEquals(Set.of(), guard.find("出生後由祖母照顧，2023-02-21開會"));
    }

    @Test
    void fullWidthAndHiddenCharactersDoNotHideData() {
        assertEquals(Set.of(PersonalDataKind.PHONE), guard.find("０９１２－３４５－６７８"));
        assertEquals(Set.of(PersonalDataKind.TAIWAN_ID), guard.find("A12345\u200B6789"));
        assertEquals(Set.of(PersonalDataKind.EMAIL), guard.find("ａｂｃ＠ｅｘａｍｐｌｅ．ｃｏｍ"));
    }

    @Test
    void emptyTextHasNothing() {
        assertEquals(Set.of(), guard.find(null));
        assertEquals(Set.of(), guard.find("   "));
        assertTrue(guard.check("summary", "").isEmpty());
    }
}
