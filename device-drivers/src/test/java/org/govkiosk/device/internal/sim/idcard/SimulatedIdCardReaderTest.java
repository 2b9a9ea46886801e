package org.govkiosk.device.internal.sim.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.govkiosk.device.internal.codec.idcard.CardReadPayload;
import org.govkiosk.device.internal.codec.idcard.Decoded;
import org.govkiosk.device.internal.codec.idcard.FrameError;
import org.govkiosk.device.internal.codec.idcard.IdCardFrameEncoder;
import org.govkiosk.device.internal.codec.idcard.SamCommand;
import org.govkiosk.device.internal.codec.idcard.SamFrame;
import org.govkiosk.device.internal.codec.idcard.SamResponse;
import org.govkiosk.device.internal.codec.idcard.SamResult;
import org.govkiosk.device.idcard.IdCardData;
import org.govkiosk.device.idcard.IdCardTextParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatedIdCardReaderTest {

    private final SimulatedIdCardReader reader = SimulatedIdCardReader.withDemoCards();
    private SamHost host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
        reader.close();
    }

    private SamResponse ask(SamCommand command) throws Exception {
        Decoded d = host.ask(command);
        assertThat(d).isInstanceOf(SamFrame.class);
        return SamResponse.of((SamFrame) d).orElseThrow();
    }

    @Test
    void answersSamStatusAndSamId() throws Exception {
        host = new SamHost(reader);
        assertThat(ask(SamCommand.SAM_STATUS).result()).contains(SamResult.SUCCESS);
        assertThat(ask(SamCommand.RESET_SAM).result()).contains(SamResult.SUCCESS);
        SamResponse id = ask(SamCommand.READ_SAM_ID);
        assertThat(id.result()).contains(SamResult.SUCCESS);
        assertThat(id.payload()).isEqualTo(reader.samId().bytes());
    }

    @Test
    void findSelectReadOfAPlacedCard() throws Exception {
        host = new SamHost(reader);
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.NO_CARD);
        assertThat(ask(SamCommand.SELECT_CARD).result()).contains(SamResult.SELECT_FAILED);
        assertThat(ask(SamCommand.READ_TEXT_PHOTO).result()).contains(SamResult.READ_FAILED);
        assertThat(reader.command("card place demo-zhang")).isEqualTo("ok placed demo-zhang");
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.FIND_SUCCESS);
        assertThat(ask(SamCommand.SELECT_CARD).result()).contains(SamResult.SUCCESS);
        SamResponse read = ask(SamCommand.READ_TEXT_PHOTO);
        assertThat(read.result()).contains(SamResult.SUCCESS);
        assertThat(read.payloadLength()).isEqualTo(4 + 256 + 1024);
        CardReadPayload parts = CardReadPayload.parse(read.payload(), false).orElseThrow();
        IdCardData card = ((IdCardTextParser.Parsed) IdCardTextParser.parse(parts.text(), parts.photo())).card();
        assertThat(card.name()).isEqualTo("张伟");
        assertThat(card.idNumber()).isEqualTo("110101198001011232");
        assertThat(reader.received(SamCommand.FIND_CARD)).isEqualTo(2);
        assertThat(reader.command("card remove")).isEqualTo("ok removed");
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.NO_CARD);
    }

    @Test
    void newestAddressAndFingerprint() throws Exception {
        host = new SamHost(reader);
        reader.place("demo-li");
        ask(SamCommand.SELECT_CARD);
        SamResponse address = ask(SamCommand.READ_NEWEST_ADDRESS);
        assertThat(address.result()).contains(SamResult.SUCCESS);
        assertThat(IdCardTextParser.parseAddress(address.payload())).contains("上海市闵行区示例路200号");
        SamResponse noFingerprint = ask(SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
        assertThat(CardReadPayload.parse(noFingerprint.payload(), true).orElseThrow().fingerprint()).isEmpty();

        reader.place("demo-wang");
        ask(SamCommand.SELECT_CARD);
        assertThat(ask(SamCommand.READ_NEWEST_ADDRESS).result()).contains(SamResult.NO_CONTENT);
        SamResponse withFingerprint = ask(SamCommand.READ_TEXT_PHOTO_FINGERPRINT);
        assertThat(CardReadPayload.parse(withFingerprint.payload(), true).orElseThrow().fingerprint()).hasSize(1024);
    }

    @Test
    void haltedCardsAreNotFoundAgainUntilPlacedAgain() throws Exception {
        host = new SamHost(reader);
        reader.setHaltAfterRead(true);
        reader.place("demo-zhang");
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.FIND_SUCCESS);
        ask(SamCommand.SELECT_CARD);
        assertThat(ask(SamCommand.READ_TEXT_PHOTO).result()).contains(SamResult.SUCCESS);
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.NO_CARD);
        reader.place("demo-zhang");
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.FIND_SUCCESS);
    }

    @Test
    void answersDamagedAndUnknownCommands() throws Exception {
        host = new SamHost(reader);
        byte[] damaged = IdCardFrameEncoder.command(SamCommand.FIND_CARD);
        damaged[damaged.length - 1] ^= 1;
        assertThat(SamResponse.of((SamFrame) host.send(damaged)).orElseThrow().result())
                .contains(SamResult.CHECKSUM_ERROR);
        Decoded unknown = host.send(IdCardFrameEncoder.frame(new byte[] {0x55, 0x01}));
        assertThat(SamResponse.of((SamFrame) unknown).orElseThrow().result()).contains(SamResult.COMMAND_ERROR);
    }

    @Test
    void samErrorAndBadChecksumFaults() throws Exception {
        host = new SamHost(reader);
        assertThat(reader.supportedFaults()).contains("sam-error", "bad-checksum", "card-auth-failed", "silence",
                "garbage", "truncate", "unplug");
        assertThat(reader.command("fault sam-error")).startsWith("ok");
        assertThat(ask(SamCommand.SAM_STATUS).result()).contains(SamResult.SAM_SELF_TEST_FAILED);
        assertThat(ask(SamCommand.FIND_CARD).result()).contains(SamResult.SAM_SELF_TEST_FAILED);
        reader.command("clear sam-error");
        reader.command("fault bad-checksum");
        Decoded d = host.ask(SamCommand.SAM_STATUS);
        assertThat(d).isInstanceOfSatisfying(FrameError.class,
                e -> assertThat(e.kind()).isEqualTo(FrameError.Kind.CHECKSUM));
        reader.command("clear");
        assertThat(ask(SamCommand.SAM_STATUS).result()).contains(SamResult.SUCCESS);
    }

    @Test
    void cardAuthenticationFault() throws Exception {
        host = new SamHost(reader);
        reader.place("demo-zhang");
        reader.inject(SimulatedIdCardReader.CARD_AUTH_FAILED);
        ask(SamCommand.SELECT_CARD);
        assertThat(ask(SamCommand.READ_TEXT_PHOTO).result()).contains(SamResult.SAM_AUTHENTICATION_OF_CARD_FAILED);
    }

    @Test
    void silenceIgnoresCommandsUntilCleared() throws Exception {
        host = new SamHost(reader);
        reader.inject("silence");
        host.sendWithoutWaiting(IdCardFrameEncoder.command(SamCommand.SAM_STATUS));
        assertThat(host.next(300)).as("answer while silent").isNull();
        reader.clear("silence");
        assertThat(ask(SamCommand.SAM_STATUS).result()).contains(SamResult.SUCCESS);
    }

    @Test
    void consoleCommands() {
        assertThat(reader.command("cards")).contains("demo-zhang", "demo-li", "demo-wang", "demo-chen-hk",
                "demo-smith-2017", "demo-garcia-2023");
        assertThat(reader.command("card place nobody")).startsWith("error no card 'nobody'");
        assertThat(reader.command("card")).startsWith("error usage");
        assertThat(reader.command("fault paper-out")).startsWith("error");
        assertThat(reader.command("faults")).contains("sam-error", "bad-checksum");
        assertThatThrownBy(() -> reader.place("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyDemoCardIsValidAndNoTwoShareANumber() {
        Map<String, SimulatedCard> cards = SimulatedCard.load(SimulatedIdCardReader.DEMO_CARDS);
        assertThat(cards).hasSizeGreaterThanOrEqualTo(6);
        java.util.Set<String> numbers = new java.util.HashSet<>();
        java.util.Set<IdCardData.DocumentType> types = java.util.EnumSet.noneOf(IdCardData.DocumentType.class);
        for (SimulatedCard card : cards.values()) {
            IdCardTextParser.Result r = IdCardTextParser.parse(card.text(), card.photo());
            assertThat(r).as(card.key()).isInstanceOf(IdCardTextParser.Parsed.class);
            IdCardData data = ((IdCardTextParser.Parsed) r).card();
            assertThat(numbers.add(data.idNumber())).as(card.key()).isTrue();
            types.add(data.documentType());
            assertThat(card.photo()).hasSize(1024);
        }
        assertThat(types).containsExactlyInAnyOrder(IdCardData.DocumentType.values());
    }

    @Test
    void testCardsLoadAndBadFilesNameTheProblem() {
        Map<String, SimulatedCard> cards = SimulatedCard.load("/org/govkiosk/device/sim/idcard/test-cards.properties");
        assertThat(cards.keySet()).containsExactly("bad-birth", "bad-check", "good", "unknown-nation");
        assertThat(IdCardTextParser.parse(cards.get("bad-check").text(), null))
                .isInstanceOf(IdCardTextParser.Rejected.class);
        assertThatThrownBy(() -> SimulatedCard.load("/org/govkiosk/device/sim/idcard/bad-layout.properties"))
                .hasMessageContaining("x.layout 'passport'");
        assertThatThrownBy(() -> SimulatedCard.load("/nowhere.properties")).hasMessageContaining("no card resource");
    }
}
