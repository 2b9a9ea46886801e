package org.govkiosk.app.ui.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.govkiosk.api.RatingRequestEvent;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.pad.PadRequest;
import org.govkiosk.app.ui.Navigator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The pad screen headless (Monocle) in the terminal's stylesheet: a citizen taps through a bad rating. */
class PadViewUiTest {

    private final FxRobot robot = new FxRobot();
    private final List<RatingSubmission> sent = new ArrayList<>();
    private PadViewModel model;
    private StackPane shell;
    private I18n i18n;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        i18n = new I18n(List.of(I18n.ZH_CN, Locale.ENGLISH), I18n.ZH_CN);
        model = new PadViewModel(new PadViewModel.PadIdentity("PAD-A", "HALL-1", "W-01"), sent::add,
                Clock.systemUTC(), Platform::runLater, Duration.ofMinutes(2), Duration.ofSeconds(30));
        FxToolkit.setupSceneRoot(() -> {
            PadView view = new PadView(model, i18n, locale -> "市民服务中心", "3号窗口");
            shell = new StackPane(view.view());
            shell.getStyleClass().add("shell");
            shell.getStylesheets().add(Navigator.class.getResource("kiosk.css").toExternalForm());
            view.onShow();
            return shell;
        });
        FxToolkit.showStage();
        // The pad's screen size (the stage otherwise keeps the idle screen's size when the rating grows).
        robot.interact(() -> {
            javafx.stage.Stage stage = FxToolkit.toolkitContext().getRegisteredStage();
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1280);
            stage.setHeight(1024);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void arrive(String id) {
        Instant now = Instant.now();
        model.requestArrived(new PadRequest(new RatingRequestEvent(id, "HALL-1", "W-01", "GK2025-" + id, "1",
                "ITEM-001", "城乡居民养老保险参保登记", "CLERK-7", "李明", now, now.plusSeconds(300), now),
                now.plusSeconds(300)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean visible(String id) {
        return robot.lookup(id).tryQuery().map(Node::isVisible).orElse(false);
    }

    @Test
    void idleThenTheCaseAndClerkThenReasonsForABadLevelThenThanks() {
        assertThat(visible("#pad-idle")).isTrue();
        assertThat(visible("#pad-rating")).isFalse();
        assertThat(visible("#pad-connection")).as("not connected yet").isTrue();

        model.connectionChanged(true);
        arrive("r1");
        assertThat(visible("#pad-connection")).isFalse();
        assertThat(visible("#pad-idle")).isFalse();
        assertThat(robot.lookup("#pad-clerk").queryLabeled().getText()).isEqualTo("服务人员：李明");
        assertThat(robot.lookup("#pad-item").queryLabeled().getText()).contains("城乡居民养老保险参保登记");
        assertThat(visible("#pad-photo")).isTrue();
        assertThat(robot.lookup("#pad-level-5").queryButton().getText()).isEqualTo("非常满意");
        assertThat(robot.lookup("#pad-level-1").queryButton().getText()).isEqualTo("非常不满意");
        assertThat(visible("#pad-reasons")).isFalse();

        robot.clickOn("#pad-level-1");
        assertThat(model.stageProperty().get()).isEqualTo(PadViewModel.Stage.REASONS);
        assertThat(visible("#pad-reasons")).isTrue();
        robot.clickOn("#pad-submit");
        assertThat(sent).isEmpty();
        assertThat(robot.lookup("#pad-message").queryLabeled().getText()).startsWith("请至少选择");

        robot.clickOn("#pad-reason-SERVICE_ATTITUDE");
        robot.clickOn("#pad-comment").write("abc");
        robot.clickOn("#pad-submit");
        robot.clickOn("#pad-thanks");
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(1);
            assertThat(r.badReasons()).containsExactly("SERVICE_ATTITUDE");
            assertThat(r.comment()).isEqualTo("abc");
        });
        assertThat(visible("#pad-thanks")).isTrue();
        assertThat(visible("#pad-rating")).isFalse();
    }

    /**
     * In large type on a page shorter than the screen (the terminal's 1280×1024 with its bars), a bad level opens the
     * reasons below the fold: the page scrolls so they and 提交评价 are in view, the chosen level too.
     */
    @Test
    void aBadLevelScrollsItsReasonsAndTheirSubmitIntoView() throws Exception {
        javafx.scene.control.ScrollPane[] page = new javafx.scene.control.ScrollPane[1];
        FxToolkit.setupSceneRoot(() -> {
            PadView view = new PadView(model, i18n, locale -> "市民服务中心", "3号窗口");
            page[0] = new javafx.scene.control.ScrollPane(view.view());
            page[0].setFitToWidth(true);
            page[0].setPrefSize(1280, 700);
            page[0].setMaxHeight(700);
            shell = new StackPane(page[0]);
            shell.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            shell.getStyleClass().addAll("shell", "elder");
            shell.getStylesheets().add(Navigator.class.getResource("kiosk.css").toExternalForm());
            view.onShow();
            return shell;
        });
        WaitForAsyncUtils.waitForFxEvents();
        arrive("r9");
        javafx.geometry.Bounds view = page[0].localToScene(page[0].getLayoutBounds());
        assertThat(view.getHeight()).as("a page shorter than the rating").isEqualTo(700);
        assertThat(page[0].getVvalue()).as("the levels' page starts at its top").isZero();
        robot.clickOn("#pad-level-1");
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#pad-submit", "#pad-back", "#pad-reason-SERVICE_ATTITUDE", "#pad-level-1")) {
            Node n = robot.lookup(id).query();
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMinY()).as("%s's top below the page's top", id).isGreaterThanOrEqualTo(view.getMinY() - 0.5);
            assertThat(b.getMaxY()).as("%s's foot above the page's foot", id).isLessThanOrEqualTo(view.getMaxY() + 0.5);
        }
        assertThat(page[0].getVvalue()).as("scrolled").isPositive();
    }

    @Test
    void englishAndLargeType() {
        robot.interact(() -> {
            i18n.next();
            shell.getStyleClass().add("elder");
        });
        arrive("r2");
        assertThat(robot.lookup("#pad-clerk").queryLabeled().getText()).isEqualTo("Served by: 李明");
        assertThat(robot.lookup("#pad-clerk").queryLabeled().getTextFill()).as("high contrast").isEqualTo(Color.YELLOW);
        Button best = robot.lookup("#pad-level-5").queryButton();
        assertThat(best.getText()).isEqualTo("Very satisfied");
        assertThat(best.getTextFill()).as("black on yellow buttons").isEqualTo(Color.BLACK);
        assertThat(best.getFont().getSize()).as("large type").isGreaterThanOrEqualTo(32);
        robot.clickOn("#pad-level-4");
        assertThat(sent).singleElement().extracting(RatingSubmission::level).isEqualTo(4);
        assertThat(robot.lookup("#pad-thanks").queryLabeled().getText()).isEqualTo("Thank you for your rating!");
    }

    @Test
    void fiveLevelsAlikeInTheNationalOrderTheChosenOneMarkedAndNoClerkWhenNoneWasNamed() {
        model.connectionChanged(true);
        Instant now = Instant.now();
        // A terminal's own rating: the platform names no clerk.
        model.requestArrived(new PadRequest(new RatingRequestEvent("r3", "HALL-1", null, "GK2025-r3", "1",
                "ITEM-001", "城乡居民养老保险参保登记", null, null, now, now.plusSeconds(300), now),
                now.plusSeconds(300)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#pad-clerk")).as("no \"服务人员：null\"").isFalse();
        assertThat(visible("#pad-photo")).as("no empty photo frame").isFalse();

        List<javafx.scene.control.Button> levels = new ArrayList<>();
        for (int level = 5; level >= 1; level--) {
            levels.add(robot.lookup("#pad-level-" + level).queryButton());
        }
        javafx.scene.control.Button best = levels.get(0);
        for (javafx.scene.control.Button b : levels) {
            assertThat(b.getWidth()).as("width of %s", b.getText()).isEqualTo(best.getWidth());
            assertThat(b.getHeight()).as("height of %s", b.getText()).isEqualTo(best.getHeight());
            assertThat(b.getStyleClass()).as("style of %s", b.getText()).isEqualTo(best.getStyleClass());
            assertThat(b.getBackground().getFills().get(0).getFill()).isEqualTo(best.getBackground().getFills()
                    .get(0).getFill());
            assertThat(b.getFont()).isEqualTo(best.getFont());
        }
        for (int i = 1; i < levels.size(); i++) {
            assertThat(levels.get(i).localToScene(0, 0).getX()).as("national order, left to right")
                    .isGreaterThan(levels.get(i - 1).localToScene(0, 0).getX());
        }
        javafx.css.PseudoClass chosen = javafx.css.PseudoClass.getPseudoClass("chosen");
        robot.clickOn("#pad-level-1");
        javafx.scene.control.Button worst = robot.lookup("#pad-level-1").queryButton();
        assertThat(worst.getPseudoClassStates()).contains(chosen);
        assertThat(worst.getBackground().getFills().get(0).getFill()).as("the chosen one filled, not a focus ring")
                .isNotEqualTo(best.getBackground().getFills().get(0).getFill());
        assertThat(best.getPseudoClassStates()).doesNotContain(chosen);
    }

    @Test
    void theAnonymousChoiceIsOffOnScreenAndATapTurnsItOnForTheRating() {
        model.connectionChanged(true);
        arrive("r4");
        javafx.scene.control.CheckBox anonymous = robot.lookup("#pad-anonymous").queryAs(
                javafx.scene.control.CheckBox.class);
        assertThat(anonymous.isVisible()).isTrue();
        assertThat(anonymous.getText()).isEqualTo("不公开评价");
        assertThat(anonymous.isSelected()).as("off by default").isFalse();
        assertThat(anonymous.getHeight()).as("a fingertip's target").isGreaterThanOrEqualTo(60);
        assertThat(anonymous.localToScene(0, 0).getY()).as("offered before a level sends the rating")
                .isLessThan(robot.lookup("#pad-level-5").query().localToScene(0, 0).getY());

        robot.clickOn("#pad-anonymous");
        assertThat(anonymous.isSelected()).isTrue();
        robot.clickOn("#pad-level-2");
        assertThat(visible("#pad-anonymous")).as("still there with the reasons").isTrue();
        robot.clickOn("#pad-reason-SERVICE_EFFICIENCY");
        robot.clickOn("#pad-submit");
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.level()).isEqualTo(2);
            assertThat(r.anonymous()).isTrue();
        });

        arrive("r5");
        assertThat(anonymous.isSelected()).as("the next citizen starts with it off").isFalse();
        robot.clickOn("#pad-level-5");
        assertThat(sent.get(1).anonymous()).isFalse();
    }

    @Test
    void theAnonymousChoiceInEnglishAndLargeTypeIsReadable() {
        robot.interact(() -> {
            i18n.next();
            shell.getStyleClass().add("elder");
        });
        arrive("r6");
        javafx.scene.control.CheckBox anonymous = robot.lookup("#pad-anonymous").queryAs(
                javafx.scene.control.CheckBox.class);
        assertThat(anonymous.getText()).isEqualTo("Rate anonymously");
        assertThat(anonymous.getTextFill()).as("high contrast").isEqualTo(Color.YELLOW);
        assertThat(anonymous.getFont().getSize()).as("large type").isGreaterThanOrEqualTo(32);
        assertThat(anonymous.getWidth()).as("the text not cut").isGreaterThanOrEqualTo(anonymous.prefWidth(-1));
        assertThat(robot.lookup("#pad-anonymous-hint").queryLabeled().getText()).contains("case");
        robot.clickOn("#pad-level-1");
        assertThat(visible("#pad-reasons")).isTrue();
        assertThat(anonymous.getHeight()).as("not squeezed onto its box when the reasons fill the screen")
                .isGreaterThanOrEqualTo(anonymous.prefHeight(-1) - 0.5).isGreaterThanOrEqualTo(60);
    }

    /** Impartial (国办发〔2019〕51号): the five levels alike in size, type and colour, and none chosen beforehand. */
    @Test
    void theFiveLevelsAreImpartialInStandardAndLargeTypeAndNoneIsPreselected() {
        for (boolean large : new boolean[] {false, true}) {
            robot.interact(() -> {
                if (large) {
                    shell.getStyleClass().add("elder");
                }
            });
            arrive(large ? "r8" : "r7");
            List<Button> levels = new ArrayList<>();
            for (int level = 5; level >= 1; level--) {
                levels.add(robot.lookup("#pad-level-" + level).queryButton());
            }
            Button first = levels.get(0);
            javafx.css.PseudoClass chosen = javafx.css.PseudoClass.getPseudoClass("chosen");
            assertThat(model.levelProperty().get()).as("no level set before a tap").isZero();
            for (Button b : levels) {
                String what = b.getText() + (large ? " in large type" : "");
                assertThat(b.isVisible()).as(what).isTrue();
                assertThat(b.getWidth()).as("width of %s", what).isEqualTo(first.getWidth()).isPositive();
                assertThat(b.getHeight()).as("height of %s", what).isEqualTo(first.getHeight())
                        .isGreaterThanOrEqualTo(60);
                assertThat(b.getFont()).as("font of %s", what).isEqualTo(first.getFont());
                assertThat(b.getFont().getStyle()).as("weight of %s", what).isEqualTo(first.getFont().getStyle());
                assertThat(b.getTextFill()).as("text colour of %s", what).isEqualTo(first.getTextFill());
                assertThat(b.getBackground()).as("fill of %s", what).isEqualTo(first.getBackground());
                assertThat(b.getBorder()).as("border of %s", what).isEqualTo(first.getBorder());
                assertThat(b.getStyleClass()).as("style of %s", what).isEqualTo(first.getStyleClass());
                assertThat(b.getPseudoClassStates()).as("%s not chosen beforehand", what).doesNotContain(chosen);
                assertThat(b.isDefaultButton()).as("%s not the Enter key's", what).isFalse();
                assertThat(b.getGraphic()).as("%s no icon of its own", what).isNull();
            }
            robot.clickOn("#pad-level-5");
            assertThat(sent).last().extracting(RatingSubmission::level).isEqualTo(5);
        }
    }

    /**
     * A bilingual Mongolian pad (issue 20): the headings and each of the five levels carry their Mongolian,
     * vertical, and the five stay alike: one size, one type, their Mongolian at one scale and column length, each
     * inside its level with the Chinese beside it uncut; the hall's name has its Mongolian on the idle screen.
     */
    @Test
    void onAMongolianScreenTheLevelsCarryTheirMongolianAndStayAlike() throws Exception {
        I18n mn = new I18n(List.of(I18n.ZH_CN, I18n.MN_CN), I18n.MN_CN);
        FxToolkit.setupSceneRoot(() -> {
            PadView view = new PadView(model, mn, org.govkiosk.app.ui.HallName.of(locale -> "市民服务中心",
                    locale -> I18n.isVerticalMongolian(locale) ? "ᠢᠷᠭᠡᠨ ᠦ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ" : ""), "3号窗口");
            shell = new StackPane(view.view());
            shell.getStyleClass().addAll("shell", "mongolian");
            shell.getStylesheets().add(Navigator.class.getResource("kiosk.css").toExternalForm());
            view.onShow();
            return shell;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label hall = robot.lookup("#pad-idle .hint").match(n -> ((Label) n).getText().equals("市民服务中心"))
                .queryAs(Label.class);
        assertThat(hall.getGraphic()).as("the hall's Mongolian beside its name")
                .isInstanceOf(org.govkiosk.app.ui.shell.VerticalMongolianText.class);
        for (boolean large : new boolean[] {false, true}) {
            robot.interact(() -> {
                if (large) {
                    shell.getStyleClass().add("elder");
                }
            });
            arrive(large ? "m2" : "m1");
            Label prompt = robot.lookup("#pad-rating .subtitle").match(n -> ((Label) n).getText()
                    .equals(mn.text("pad.rate-prompt"))).queryAs(Label.class);
            assertThat(((org.govkiosk.app.ui.shell.VerticalMongolianText) prompt.getGraphic()).getText())
                    .isEqualTo(I18n.mongolian("pad.rate-prompt"));
            Button first = robot.lookup("#pad-level-5").queryButton();
            var firstMongolian = (org.govkiosk.app.ui.shell.VerticalMongolianText) first.getGraphic();
            for (int level = 5; level >= 1; level--) {
                Button b = robot.lookup("#pad-level-" + level).queryButton();
                String what = b.getText() + (large ? " in large type" : "");
                assertThat(b.getText()).as("the Chinese half").isEqualTo(I18n.format(I18n.ZH_CN,
                        PadViewModel.LEVEL_KEYS.get(level)));
                var vertical = (org.govkiosk.app.ui.shell.VerticalMongolianText) b.getGraphic();
                assertThat(vertical.getText()).as(what).isEqualTo(I18n.mongolian(PadViewModel.LEVEL_KEYS.get(level)));
                assertThat(b.getWidth()).as("width of %s", what).isEqualTo(first.getWidth());
                assertThat(b.getHeight()).as("height of %s", what).isEqualTo(first.getHeight());
                assertThat(b.getFont()).as("font of %s", what).isEqualTo(first.getFont());
                assertThat(vertical.fontSizeProperty().get()).as("Mongolian size of %s", what)
                        .isEqualTo(firstMongolian.fontSizeProperty().get());
                assertThat(vertical.columnLengthProperty().get()).as("columns of %s", what)
                        .isEqualTo(firstMongolian.columnLengthProperty().get());
                javafx.geometry.Bounds box = b.localToScene(b.getLayoutBounds());
                javafx.geometry.Bounds words = vertical.localToScene(vertical.getLayoutBounds());
                assertThat(box.contains(words)).as("the Mongolian of %s inside it: %s in %s", what, words, box)
                        .isTrue();
                javafx.scene.text.Text chinese = (javafx.scene.text.Text) b.lookup(".text");
                assertThat(chinese.getText()).as("%s not cut", what).isEqualTo(b.getText());
                assertThat(box.contains(chinese.localToScene(chinese.getBoundsInLocal())))
                        .as("the Chinese of %s inside it", what).isTrue();
            }
            robot.clickOn("#pad-level-4");
            assertThat(sent).last().extracting(RatingSubmission::level).isEqualTo(4);
        }
    }

    @Test
    void aBadKeyOnASerialPadWithReasonsByPhoneSaysWhereToGiveThem() throws Exception {
        model.connectionChanged(true);
        model.badKeyReasons(PadViewModel.BadKeyReasons.PHONE);
        arrive("r4");
        assertThat(visible("#pad-thanks-note")).as("no note while rating").isFalse();

        model.keyPressed("r4", 2); // from the serial pad's driver, off the FX thread in the terminal
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visible("#pad-thanks")).isTrue();
        assertThat(visible("#pad-thanks-note")).isTrue();
        assertThat(robot.lookup("#pad-thanks-note").queryLabeled().getText()).startsWith("请用手机扫描窗口的评价二维码");
        assertThat(sent).isEmpty();
        java.nio.file.Path out = java.nio.file.Path.of("target", "pad-screens");
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(shell.snapshot(null, null)));
        org.govkiosk.app.testkit.Screenshots.write(shot.get(), out.resolve("pad-thanks-reasons-by-phone.png"));
    }

    /** A whole-screen snapshot as a BufferedImage, for ZXing (as a camera would see the screen). */
    private java.awt.image.BufferedImage screen(String name) throws Exception {
        java.util.concurrent.atomic.AtomicReference<javafx.scene.image.WritableImage> shot =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> shot.set(shell.snapshot(null, null)));
        org.govkiosk.app.testkit.Screenshots.write(shot.get(), java.nio.file.Path.of("target", "pad-screens",
                name + ".png"));
        javafx.scene.image.PixelReader r = shot.get().getPixelReader();
        int w = (int) shot.get().getWidth();
        int h = (int) shot.get().getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y) & 0xFFFFFF);
            }
        }
        return out;
    }

    private static com.google.zxing.Result scan(java.awt.image.BufferedImage image) throws Exception {
        return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(new com.google.zxing.client.j2se
                        .BufferedImageLuminanceSource(image))), java.util.Map.of(
                com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
    }

    @Test
    void theIdleScreenShowsTheWindowsSignedRatingLinkAsAQrCodeLargeEnoughToScan() throws Exception {
        assertThat(visible("#pad-rating-qr-box")).as("no link yet: no code").isFalse();
        String url = "https://hall.example.cn/rate/w?t=R0tXMQpIQUxMLTEKVy0wMQoxNzY1MDAwMDAw.c2lnbmVkLWJ5LXBsYXRmb3Jt";
        Instant now = Instant.now();
        model.ratingLinkChanged(new org.govkiosk.api.WindowRatingLink("HALL-1", "W-01", url,
                now.plus(Duration.ofHours(24)), now.plus(Duration.ofHours(18))));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#pad-rating-qr-box")).isTrue();
        assertThat(robot.lookup("#pad-rating-qr-caption").queryLabeled().getText()).isEqualTo("手机扫码，评价本窗口的服务");
        javafx.scene.image.ImageView code = robot.lookup("#pad-rating-qr").query();
        assertThat(code.getImage().getWidth()).as("at least 250 px on the pad's screen").isGreaterThanOrEqualTo(250);

        com.google.zxing.Result read = scan(screen("pad-idle-qr-zh"));
        assertThat(read.getText()).as("the screen's code is the link the platform signed").isEqualTo(url);
        // Modules wide enough for a phone: the finder patterns' distance over the module count.
        com.google.zxing.ResultPoint[] p = read.getResultPoints();
        double span = Math.hypot(p[0].getX() - p[1].getX(), p[0].getY() - p[1].getY());
        assertThat(span).as("finder pattern distance in screen pixels").isGreaterThan(180);

        robot.interact(() -> i18n.localeProperty().set(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pad-rating-qr-caption").queryLabeled().getText()).contains("rate this window");
        assertThat(scan(screen("pad-idle-qr-en")).getText()).isEqualTo(url);

        // A link past its time is not shown: a code that would not work.
        model.ratingLinkChanged(new org.govkiosk.api.WindowRatingLink("HALL-1", "W-01", url, now.minusSeconds(1),
                now.minusSeconds(10)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible("#pad-rating-qr-box")).isFalse();
    }
}
