package org.govkiosk.app.ui.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.ui.pad.PadViewModel.Stage;
import org.junit.jupiter.api.Test;

class PadViewModelTest {

    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-03-03T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final List<RatingSubmission> sent = new ArrayList<>();
    private boolean sinkFails;
    private final PadViewModel model = new PadViewModel(new PadViewModel.PadIdentity("PAD-A", "HALL-1", "W-01"),
            r -> {
                if (sinkFails) {
                    throw new IllegalStateException("disk full");
                }
                sent.add(r);
            }, clock, Runnable::run, Duration.ofMinutes(2), Duration.ofSeconds(3));

    private PadRequest request(String id, Duration valid) {
        return new PadRequest(new RatingRequestEvent(id, "HALL-1", "W-01", "CASE-" + id, "1", "ITEM-001",
                "城乡居民养老保险参保登记", "CLERK-7", "李明", clock.now, clock.now.plus(Duration.ofMinutes(5)), clock.now),
                clock.now.plus(valid));
    }

    @Test
    void atTheTerminalTheRatingIsTheTerminalsWithoutWindowAndCanBeDismissed() {
        PadViewModel terminal = new PadViewModel(new PadViewModel.PadIdentity("KIOSK-1", "HALL-1", "KIOSK-1"),
                RatingChannel.SELF_SERVICE_TERMINAL, sent::add, clock, Runnable::run, Duration.ofMinutes(2),
                Duration.ofSeconds(3));
        terminal.requestArrived(new PadRequest(new RatingRequestEvent("case-local-1", "HALL-1", null, "CASE-9", "1",
                "ITEM-001", "城乡居民养老保险参保登记", null, null, clock.now, clock.now.plus(Duration.ofMinutes(2)),
                clock.now), clock.now.plus(Duration.ofMinutes(2))));
        terminal.chooseLevel(4);

        RatingSubmission r = sent.get(0);
        assertThat(r.channel()).isEqualTo(RatingChannel.SELF_SERVICE_TERMINAL);
        assertThat(r.idempotencyKey()).isEqualTo("terminal-case-local-1");
        assertThat(r.windowId()).isNull();
        assertThat(r.clerkId()).isNull();
        assertThat(r.terminalId()).isEqualTo("KIOSK-1");

        terminal.requestArrived(new PadRequest(new RatingRequestEvent("case-local-2", "HALL-1", null, "CASE-10", "1",
                "ITEM-001", "城乡居民养老保险参保登记", null, null, clock.now, clock.now.plus(Duration.ofMinutes(2)),
                clock.now), clock.now.plus(Duration.ofMinutes(2))));
        assertThat(terminal.stageProperty().get()).isEqualTo(Stage.RATING);
        terminal.dismiss();
        assertThat(terminal.stageProperty().get()).isEqualTo(Stage.IDLE);
        assertThat(terminal.requestProperty().get()).isNull();
    }

    @Test
    void aGoodLevelIsOneTapAndTheScreenThanksThenIdles() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RATING);
        assertThat(model.requestProperty().get().clerkName()).isEqualTo("李明");

        model.chooseLevel(5);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.THANKS);
        RatingSubmission r = sent.get(0);
        assertThat(r.level()).isEqualTo(5);
        assertThat(r.channel()).isEqualTo(RatingChannel.WINDOW_PAD);
        assertThat(r.caseNumber()).isEqualTo("CASE-r1");
        assertThat(r.windowId()).isEqualTo("W-01");
        assertThat(r.clerkId()).isEqualTo("CLERK-7");
        assertThat(r.terminalId()).isEqualTo("PAD-A");
        assertThat(r.badReasons()).isEmpty();

        clock.now = clock.now.plusSeconds(3);
        model.tick();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);
        assertThat(model.requestProperty().get()).isNull();
    }

    @Test
    void aBadLevelNeedsAReasonOrCommentAndIsSentOnceWhateverIsTapped() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.chooseLevel(1);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.REASONS);
        model.submit();
        assertThat(sent).isEmpty();
        assertThat(model.messageProperty().get()).contains("pad.need-reason");

        model.toggleReason("SERVICE_ATTITUDE");
        model.toggleReason("SERVICE_EFFICIENCY");
        model.toggleReason("SERVICE_EFFICIENCY");
        model.commentProperty().set("  等了四十分钟  ");
        model.submit();
        model.submit();
        model.chooseLevel(2);
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(1);
            assertThat(r.badReasons()).containsExactly("SERVICE_ATTITUDE");
            assertThat(r.comment()).isEqualTo("等了四十分钟");
            assertThat(r.idempotencyKey()).isEqualTo("pad-r1");
        });
    }

    @Test
    void backFromTheReasonsClearsThemAndACommentAloneIsEnough() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.chooseLevel(2);
        model.toggleReason("OVERALL");
        model.back();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RATING);
        assertThat(model.reasons()).isEmpty();
        model.chooseLevel(2);
        model.commentProperty().set("窗口人员态度不好");
        model.submit();
        assertThat(sent).singleElement().extracting(RatingSubmission::badReasons).asList().isEmpty();
    }

    @Test
    void aRequestNotRatedInTimeGoesBackToIdleAndIsNotShownAgain() {
        PadRequest r = request("r1", Duration.ofSeconds(30));
        model.requestArrived(r);
        clock.now = clock.now.plusSeconds(29);
        model.tick();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RATING);
        clock.now = clock.now.plusSeconds(1);
        model.tick();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);

        model.requestArrived(r);
        assertThat(model.stageProperty().get()).as("a replay after reconnect").isEqualTo(Stage.IDLE);
        assertThat(sent).isEmpty();
    }

    @Test
    void theDisplayLimitCapsALongValidity() {
        model.requestArrived(request("r1", Duration.ofMinutes(10)));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        model.tick();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);
    }

    @Test
    void aNewerRequestReplacesTheShownOneAndAClosedOneLeaves() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.chooseLevel(1);
        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        assertThat(model.requestProperty().get().requestId()).isEqualTo("r2");
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RATING);
        assertThat(model.levelProperty().get()).isZero();

        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        model.requestClosed("r1");
        assertThat(model.stageProperty().get()).as("r1 is not on screen").isEqualTo(Stage.RATING);
        model.requestClosed("r2");
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);
    }

    @Test
    void aRatingTheSinkCouldNotTakeStaysForAnotherTap() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        sinkFails = true;
        model.chooseLevel(4);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RATING);
        assertThat(model.messageProperty().get()).isEqualTo(Optional.of("pad.submit-failed"));
        sinkFails = false;
        model.chooseLevel(4);
        assertThat(sent).hasSize(1);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.THANKS);
    }

    @Test
    void tapsWithoutARequestDoNothing() {
        model.chooseLevel(1);
        model.toggleReason("OVERALL");
        model.submit();
        assertThat(sent).isEmpty();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);
        model.connectionChanged(true);
        assertThat(model.connectedProperty().get()).isTrue();
    }

    @Test
    void anonymousIsOffUntilTheCitizenTurnsItOnAndTravelsInTheSubmission() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        assertThat(model.anonymousProperty().get()).as("off by default").isFalse();
        model.chooseLevel(4);
        assertThat(sent.get(0).anonymous()).isFalse();

        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        model.anonymousProperty().set(true);
        model.chooseLevel(5);
        assertThat(sent.get(1).anonymous()).as("a good level: one tap after the choice").isTrue();
    }

    @Test
    void anonymousSurvivesGoingBackFromTheReasonsAndReachesABadRating() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.anonymousProperty().set(true);
        model.chooseLevel(1);
        model.back();
        assertThat(model.anonymousProperty().get()).as("back keeps the citizen's choice").isTrue();
        model.chooseLevel(2);
        model.toggleReason("SERVICE_ATTITUDE");
        model.submit();
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(2);
            assertThat(r.anonymous()).isTrue();
        });
    }

    @Test
    void theNextCitizenStartsWithAnonymousOffWhateverTheLastOneChose() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.anonymousProperty().set(true);
        model.requestClosed("r1");
        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        assertThat(model.anonymousProperty().get()).as("a closed request").isFalse();

        model.anonymousProperty().set(true);
        model.chooseLevel(3);
        clock.now = clock.now.plusSeconds(3);
        model.tick();
        model.requestArrived(request("r3", Duration.ofMinutes(5)));
        assertThat(model.anonymousProperty().get()).as("after the thanks").isFalse();
        model.chooseLevel(3);
        assertThat(sent).extracting(RatingSubmission::anonymous).containsExactly(true, false);

        PadViewModel terminal = new PadViewModel(new PadViewModel.PadIdentity("KIOSK-1", "HALL-1", "KIOSK-1"),
                RatingChannel.SELF_SERVICE_TERMINAL, sent::add, clock, Runnable::run, Duration.ofMinutes(2),
                Duration.ofSeconds(3));
        terminal.requestArrived(new PadRequest(new RatingRequestEvent("case-local-1", "HALL-1", null, "CASE-9", "1",
                "ITEM-001", "城乡居民养老保险参保登记", null, null, clock.now, clock.now.plus(Duration.ofMinutes(2)),
                clock.now), clock.now.plus(Duration.ofMinutes(2))));
        terminal.anonymousProperty().set(true);
        terminal.dismiss();
        assertThat(terminal.anonymousProperty().get()).as("the session ended").isFalse();
        terminal.requestArrived(new PadRequest(new RatingRequestEvent("case-local-2", "HALL-1", null, "CASE-10",
                "1", "ITEM-001", "城乡居民养老保险参保登记", null, null, clock.now,
                clock.now.plus(Duration.ofMinutes(2)), clock.now), clock.now.plus(Duration.ofMinutes(2))));
        terminal.anonymousProperty().set(true);
        terminal.chooseLevel(5);
        assertThat(sent.get(2).channel()).isEqualTo(RatingChannel.SELF_SERVICE_TERMINAL);
        assertThat(sent.get(2).anonymous()).as("at the terminal too").isTrue();
    }

    @Test
    void aSerialKeyRatesTheRequestOnScreenOnlyOnceAndOnlyThatRequest() {
        List<String> done = new ArrayList<>();
        model.onFinished(done::add);
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.keyPressed("r0", 5);
        assertThat(sent).as("a key naming another request").isEmpty();
        model.keyPressed("r1", 4);
        model.keyPressed("r1", 5);
        model.chooseLevel(3);
        assertThat(sent).singleElement().satisfies(r -> assertThat(r.level()).isEqualTo(4));
        assertThat(model.stageProperty().get()).isEqualTo(Stage.THANKS);
        assertThat(done).containsExactly("r1");
    }

    @Test
    void aBadSerialKeyAsksForReasonsOnScreenOrLeavesThemToThePhone() {
        model.requestArrived(request("r1", Duration.ofMinutes(5)));
        model.keyPressed("r1", 2);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.REASONS);
        assertThat(model.levelProperty().get()).isEqualTo(2);
        assertThat(sent).isEmpty();

        model.badKeyReasons(PadViewModel.BadKeyReasons.PHONE);
        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        model.keyPressed("r2", 1);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.THANKS);
        assertThat(model.messageProperty().get()).contains("pad.reasons-by-phone");
        assertThat(sent).as("a bad rating without a reason is not sent").isEmpty();
        model.requestArrived(request("r2", Duration.ofMinutes(5)));
        assertThat(model.stageProperty().get()).as("a replay of r2 is not shown again").isEqualTo(Stage.THANKS);
    }
}
