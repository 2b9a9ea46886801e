package org.govkiosk.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.store.Filing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A 即办件 decided at once, with its result document when there is a font, and without one when there is none. */
class CaseDecisionsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Logger logger = (Logger) LoggerFactory.getLogger(CaseDecisions.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    @Test
    void withoutAFontTheCaseIsStillDecidedButNoDocumentIsAttachedAndOneWarningSaysWhy() {
        CaseDecisions d = new CaseDecisions(true, ResultPdfTest.ISSUER, ZONE, Optional.empty());
        assertThat(warnings()).singleElement().satisfies(w -> assertThat(w.getFormattedMessage())
                .contains("result-font").contains("fonts-wqy-zenhei").contains("wqy-zenhei.ttc"));

        CaseSubmission s = ResultPdfTest.immediate("城乡居民养老保险参保登记", "张三丰");
        Filing atIntake = d.atIntake(s, ResultPdfTest.NOW);
        assertThat(atIntake.steps()).extracting(Filing.Step::state)
                .containsExactly(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED);
        assertThat(atIntake.result()).isEmpty();
        assertThat(atIntake.steps().get(2).note()).isEqualTo(CaseDecisions.NOTE_NO_DOCUMENT);
        Filing later = d.onceComplete(s, ResultPdfTest.NOW);
        assertThat(later.finalState(CaseState.ACCEPTED)).isEqualTo(CaseState.COMPLETED);
        assertThat(later.result()).isEmpty();
        assertThat(later.steps().get(1).note()).endsWith(CaseDecisions.NOTE_NO_DOCUMENT);
        // Deciding cases does not repeat the warning: it was said once, at start.
        assertThat(warnings()).hasSize(1);
        // No personal data in what was logged.
        assertThat(log.list).allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(Fixtures.ID_NUMBER).doesNotContain("张三丰"));
    }

    @Test
    void withAFontTheResultIsAttachedAndNothingIsWarned() {
        CaseDecisions d = new CaseDecisions(true, ResultPdfTest.ISSUER, ZONE, Optional.of(ResultPdfTest.systemFont()));
        Filing f = d.atIntake(ResultPdfTest.immediate("城乡居民养老保险参保登记", "张三丰"), ResultPdfTest.NOW);
        assertThat(f.result()).isPresent();
        assertThat(f.steps().get(2).note()).isEqualTo(CaseDecisions.NOTE_PRINTABLE);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void aPlatformThatDoesNotDecideNeedsNoFontAndDoesNotWarn() {
        // Not even a configured font that does not exist is looked at.
        CaseDecisions d = CaseDecisions.of(false, ResultPdfTest.ISSUER, ZONE,
                Optional.of(java.nio.file.Path.of("/nonexistent/font.ttc")));
        assertThat(d.atIntake(ResultPdfTest.immediate("城乡居民养老保险参保登记", "张三丰"), ResultPdfTest.NOW).steps())
                .isEmpty();
        assertThat(warnings()).isEmpty();
    }
}
