package org.govkiosk.device.idcard;

import java.nio.charset.StandardCharsets;

/**
 * Builds text blocks by absolute byte offset, independently of {@link TextLayout}, so the fixtures check the
 * layouts' offsets instead of repeating them.
 */
final class TextBlocks {

    private final byte[] block = new byte[256];

    TextBlocks() {
        for (int i = 0; i < block.length; i += 2) {
            block[i] = ' ';
        }
    }

    TextBlocks put(int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_16LE);
        if (offset + b.length > block.length) {
            throw new IllegalArgumentException("fixture text runs past the block");
        }
        System.arraycopy(b, 0, block, offset, b.length);
        return this;
    }

    byte[] bytes() {
        return block.clone();
    }

    /** A resident card by the GA 467 offsets. */
    static TextBlocks resident(String name, String sex, String nation, String birth, String address, String id,
            String authority, String from, String until) {
        return new TextBlocks().put(0, name).put(30, sex).put(32, nation).put(36, birth).put(52, address)
                .put(122, id).put(158, authority).put(188, from).put(204, until);
    }

    static TextBlocks zhang() {
        return resident("张伟", "1", "01", "19800101", "北京市东城区示例路1号", "110101198001011232",
                "北京市公安局东城分局", "20200101", "20400101");
    }

    /** A Hong Kong/Macau/Taiwan residence permit: the resident offsets, pass number at 220, count at 238, J at 248. */
    static TextBlocks hmt(String id, String birth, String sex, String pass, String issues) {
        return new TextBlocks().put(0, "陈嘉欣").put(30, sex).put(36, birth).put(52, "广东省深圳市南山区示例路8号")
                .put(122, id).put(158, "深圳市公安局").put(188, "20230301").put(204, "20280301").put(220, pass)
                .put(238, issues).put(248, "J");
    }

    /** The 2017 foreigner card: English name 0, sex 120, number 122, nationality 152, Chinese name 158, ... I at 248. */
    static TextBlocks foreign2017(String english, String chinese, String id, String nationality) {
        return new TextBlocks().put(0, english).put(120, "1").put(122, id).put(152, nationality).put(158, chinese)
                .put(188, "20180101").put(204, "20280101").put(220, "19750601").put(236, "01").put(240, "1100")
                .put(248, "I");
    }

    /** The 2023 foreigner card: Chinese name 0, sex 30, renewals 32, birth 36, English 52 + 220, number 122, Y. */
    static TextBlocks foreign2023(String chinese, String english, String englishMore, String id) {
        return new TextBlocks().put(0, chinese).put(30, "2").put(32, "00").put(36, "19880909").put(52, english)
                .put(122, id).put(188, "20240115").put(204, "20340115").put(220, englishMore).put(242, "ESP")
                .put(248, "Y").put(250, "ESP");
    }
}
