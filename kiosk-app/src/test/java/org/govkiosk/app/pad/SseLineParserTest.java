package org.govkiosk.app.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLineParserTest {

    private static List<SseLineParser.SseEvent> parse(String text) {
        SseLineParser p = new SseLineParser();
        List<SseLineParser.SseEvent> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            p.line(line).ifPresent(out::add);
        }
        return out;
    }

    @Test
    void readsIdNameAndDataAndSkipsComments() {
        assertThat(parse(": heartbeat\n\nid: 7\nevent: rating-request\ndata: {\"a\":1}\n\n"))
                .containsExactly(new SseLineParser.SseEvent("7", "rating-request", "{\"a\":1}"));
    }

    @Test
    void joinsDataLinesAndDefaultsTheName() {
        assertThat(parse("data: one\ndata:two\n\n"))
                .containsExactly(new SseLineParser.SseEvent(null, "message", "one\ntwo"));
    }

    @Test
    void anEventWithoutDataIsNoEventAndFieldsDoNotLeakIntoTheNext() {
        assertThat(parse("id: 1\nevent: x\n\ndata: y\n\n"))
                .containsExactly(new SseLineParser.SseEvent(null, "message", "y"));
    }

    @Test
    void ignoresRetryAndUnknownFieldsAndAnUnfinishedEvent() {
        assertThat(parse("retry: 100\nfoo: bar\nevent: hello\ndata: {}\n\nevent: cut\ndata: half")).hasSize(1);
    }
}
