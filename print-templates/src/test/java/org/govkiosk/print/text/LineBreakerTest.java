package org.govkiosk.print.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    private static List<String> wrap(String text, int columns) {
        return LineBreaker.wrap(text, columns, ReceiptColumns::of);
    }

    @Test
    void chineseBreaksBetweenAnyTwoCharacters() {
        List<String> lines = wrap("一二三四五六七八九十", 8);
        assertThat(lines).containsExactly("一二三四", "五六七八", "九十");
    }

    @Test
    void closingPunctuationNeverStartsALineAndOpeningNeverEndsOne() {
        // "，" would land first on line 2; it stays with 四, which moves down with it
        assertThat(wrap("一二三四，五六七", 8)).containsExactly("一二三", "四，五六", "七");
        // "（" would end line 1; it moves down with the character it opens
        assertThat(wrap("一二三（四）五", 8)).containsExactly("一二三", "（四）五");
        for (String line : wrap("经审查，申请材料不齐全。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知如下：", 10)) {
            assertThat(line).doesNotStartWith("，").doesNotStartWith("。").doesNotStartWith("》")
                    .doesNotEndWith("《");
            assertThat(ReceiptColumns.of(line)).isLessThanOrEqualTo(10);
        }
    }

    @Test
    void latinWordsAndCodesStayWhole() {
        List<String> lines = wrap("办件编号 ABC123456 已受理", 14);
        assertThat(lines).containsExactly("办件编号", "ABC123456 已受", "理");
        assertThat(String.join("", lines)).isEqualTo("办件编号ABC123456 已受理");
    }

    @Test
    void aWordLongerThanTheLineIsSplitWhereItMustBe() {
        String url = "https://zwfw.example.gov.cn/progress?case=1101050000";
        List<String> lines = wrap(url, 16);
        assertThat(String.join("", lines)).isEqualTo(url);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(16));
        assertThat(lines).hasSize((url.length() + 15) / 16);
    }

    @Test
    void explicitNewlinesAndEmptyTextAreKept() {
        assertThat(wrap("第一行\n第二行", 20)).containsExactly("第一行", "第二行");
        assertThat(wrap("", 20)).containsExactly("");
    }

    @Test
    void receiptColumnsCountChineseDouble() {
        assertThat(ReceiptColumns.of("A027")).isEqualTo(4);
        assertThat(ReceiptColumns.of("排队号")).isEqualTo(6);
        assertThat(ReceiptColumns.of("号：A1")).isEqualTo(6);
    }
}
