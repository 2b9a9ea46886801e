package org.govkiosk.device.internal.codec.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdCardFrameDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    private static List<SamFrame> frames(List<Decoded> out) {
        return out.stream().filter(SamFrame.class::isInstance).map(SamFrame.class::cast).toList();
    }

    private static List<FrameError> errors(List<Decoded> out, FrameError.Kind kind) {
        return out.stream().filter(FrameError.class::isInstance).map(FrameError.class::cast)
                .filter(e -> e.kind() == kind).toList();
    }

    @Test
    void parsesSamStatusAnswerIntoFields() {
        List<Decoded> out = new IdCardFrameDecoder().feed(hex("AAAAAA9669 0004 000090 94"));
        assertThat(out).hasSize(1);
        SamResponse r = SamResponse.of((SamFrame) out.get(0)).orElseThrow();
        assertThat(r.sw1()).isZero();
        assertThat(r.sw2()).isZero();
        assertThat(r.sw3()).isEqualTo(0x90);
        assertThat(r.result()).contains(SamResult.SUCCESS);
        assertThat(r.payload()).isEmpty();
    }

    @Test
    void parsesFindAndSelectAnswers() {
        List<Decoded> out = new IdCardFrameDecoder().feed(
                hex("AAAAAA9669 0008 00009F 00000000 97 AAAAAA9669 000C 000090 0000000000000000 9C"));
        List<SamResponse> r = frames(out).stream().map(f -> SamResponse.of(f).orElseThrow()).toList();
        assertThat(r).hasSize(2);
        assertThat(r.get(0).result()).contains(SamResult.FIND_SUCCESS);
        assertThat(r.get(0).payload()).hasSize(4);
        assertThat(r.get(1).result()).contains(SamResult.SUCCESS);
        assertThat(r.get(1).payload()).hasSize(8);
    }

    @ParameterizedTest
    @EnumSource(SamCommand.class)
    void everyCommandRoundTrips(SamCommand command) {
        List<Decoded> out = new IdCardFrameDecoder().feed(IdCardFrameEncoder.command(command));
        SamRequest request = SamRequest.of((SamFrame) out.get(0)).orElseThrow();
        assertThat(out).hasSize(1);
        assertThat(request.command()).contains(command);
        assertThat(request.code()).isEqualTo(command.code());
        assertThat(request.parameter()).isEqualTo(command.parameter());
        assertThat(request.data()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SamResult.class)
    void everyResultRoundTripsWithPayloadsOfManySizes(SamResult result) {
        Random random = new Random(result.code());
        for (int size : new int[] {0, 1, 4, 16, 1284, 2310, IdCardFrameDecoder.DEFAULT_MAX_LENGTH - 4}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            List<Decoded> out = new IdCardFrameDecoder().feed(IdCardFrameEncoder.response(result, payload));
            assertThat(out).as("payload of %d bytes", size).hasSize(1);
            SamResponse r = SamResponse.of((SamFrame) out.get(0)).orElseThrow();
            assertThat(r.result()).contains(result);
            assertThat(r.payload()).isEqualTo(payload);
        }
    }

    @Test
    void badChecksumIsAnErrorAndTheNextFrameStillDecodes() {
        byte[] bad = hex("AAAAAA9669 0004 000090 95");
        byte[] good = IdCardFrameEncoder.response(SamResult.NO_CARD);
        List<Decoded> out = new IdCardFrameDecoder().feed(concat(bad, good));
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isEqualTo(new FrameError(FrameError.Kind.CHECKSUM, 11,
                "checksum mismatch in a frame of 11 bytes"));
        assertThat(SamResponse.of((SamFrame) out.get(1)).orElseThrow().result()).contains(SamResult.NO_CARD);
    }

    @Test
    void lengthBelowTheMinimumIsALengthError() {
        byte[] good = IdCardFrameEncoder.command(SamCommand.FIND_CARD);
        List<Decoded> out = new IdCardFrameDecoder().feed(concat(hex("AAAAAA9669 0002 2001"), good));
        assertThat(errors(out, FrameError.Kind.LENGTH)).hasSize(1);
        assertThat(frames(out)).containsExactly(new SamFrame(hex("2001")));
    }

    @Test
    void lengthAboveTheMaximumIsALengthErrorAndTheBufferDoesNotWaitForIt() {
        IdCardFrameDecoder decoder = new IdCardFrameDecoder(100);
        byte[] good = IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[96]); // length exactly 100
        List<Decoded> out = decoder.feed(concat(hex("AAAAAA9669 0065"), good)); // 0x65 = 101
        assertThat(errors(out, FrameError.Kind.LENGTH)).hasSize(1);
        assertThat(frames(out)).hasSize(1);
        assertThat(decoder.buffered()).isZero();
    }

    @Test
    void aLengthErrorDoesNotEatAPreambleThatStartsInTheLengthBytes() {
        byte[] good = IdCardFrameEncoder.response(SamResult.SUCCESS);
        // The "length" AA AA is the start of the real frame's preamble.
        byte[] stream = concat(hex("AAAAAA9669"), good);
        List<Decoded> out = new IdCardFrameDecoder().feed(stream);
        assertThat(errors(out, FrameError.Kind.LENGTH)).hasSize(1);
        assertThat(frames(out)).hasSize(1);
    }

    @Test
    void truncatedFrameFollowedByAGoodOneYieldsTruncatedAndTheGoodFrame() {
        // Random payloads: with all-zero ones the XOR of the glued bytes can come out right by chance.
        Random random = new Random(3);
        byte[] photo = new byte[1284];
        random.nextBytes(photo);
        byte[] read = IdCardFrameEncoder.response(SamResult.SUCCESS, photo);
        byte[] cut = java.util.Arrays.copyOf(read, 300);
        byte[] next = IdCardFrameEncoder.response(SamResult.NO_CARD);
        IdCardFrameDecoder decoder = new IdCardFrameDecoder();
        List<Decoded> out = new ArrayList<>(decoder.feed(concat(cut, next)));
        assertThat(out).isEmpty(); // still waiting: the cut frame announced 1288 bytes
        out.addAll(decoder.feed(read));
        assertThat(errors(out, FrameError.Kind.TRUNCATED)).hasSize(1);
        assertThat(errors(out, FrameError.Kind.TRUNCATED).get(0).bytes()).isEqualTo(300);
        List<SamResponse> responses = frames(out).stream().map(f -> SamResponse.of(f).orElseThrow()).toList();
        assertThat(responses).extracting(SamResponse::sw3).containsExactly(0x80, 0x90);
        assertThat(responses.get(1).payload()).hasSize(1284);
    }

    @Test
    void resetDropsAPartialFrameAsTruncated() {
        IdCardFrameDecoder decoder = new IdCardFrameDecoder();
        byte[] read = IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[1284]);
        assertThat(decoder.feed(java.util.Arrays.copyOf(read, 500))).isEmpty();
        assertThat(decoder.buffered()).isEqualTo(500);
        assertThat(decoder.reset()).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(FrameError.Kind.TRUNCATED);
            assertThat(e.bytes()).isEqualTo(500);
        });
        assertThat(decoder.reset()).isEmpty();
        assertThat(frames(decoder.feed(IdCardFrameEncoder.response(SamResult.SUCCESS)))).hasSize(1);
    }

    @Test
    void garbageBeforeAFrameIsReportedAndSkipped() {
        byte[] stream = concat(hex("0102 AA AA 03 96 69 AA"), IdCardFrameEncoder.response(SamResult.SUCCESS));
        List<Decoded> out = new IdCardFrameDecoder().feed(stream);
        assertThat(errors(out, FrameError.Kind.GARBAGE)).extracting(FrameError::bytes).containsExactly(8);
        assertThat(frames(out)).hasSize(1);
    }

    @Test
    void anExtraPreambleByteIsGarbageOfOneByte() {
        byte[] stream = concat(hex("AA"), IdCardFrameEncoder.response(SamResult.SUCCESS));
        List<Decoded> out = new IdCardFrameDecoder().feed(stream);
        assertThat(errors(out, FrameError.Kind.GARBAGE)).extracting(FrameError::bytes).containsExactly(1);
        assertThat(frames(out)).hasSize(1);
    }

    @Test
    void aPossiblePreambleAtTheEndOfAChunkIsKept() {
        IdCardFrameDecoder decoder = new IdCardFrameDecoder();
        byte[] frame = IdCardFrameEncoder.response(SamResult.SUCCESS);
        List<Decoded> out = new ArrayList<>(decoder.feed(concat(hex("1234"), java.util.Arrays.copyOf(frame, 4))));
        assertThat(decoder.buffered()).isEqualTo(4);
        out.addAll(decoder.feed(java.util.Arrays.copyOfRange(frame, 4, frame.length)));
        assertThat(frames(out)).hasSize(1);
        assertThat(errors(out, FrameError.Kind.GARBAGE)).extracting(FrameError::bytes).containsExactly(2);
    }

    @Test
    void frameSplitAtEveryBoundaryDecodesTheSame() {
        byte[] stream = sampleStream();
        Summary whole = Summary.of(new IdCardFrameDecoder().feed(stream));
        assertThat(whole.frames).hasSize(5);
        for (int cut = 0; cut <= stream.length; cut++) {
            IdCardFrameDecoder decoder = new IdCardFrameDecoder();
            List<Decoded> out = new ArrayList<>(decoder.feed(stream, 0, cut));
            out.addAll(decoder.feed(stream, cut, stream.length - cut));
            assertThat(Summary.of(out)).as("split at %d", cut).isEqualTo(whole);
        }
    }

    @Test
    void byteAtATimeAndRandomChunksDecodeTheSame() {
        byte[] stream = sampleStream();
        Summary whole = Summary.of(new IdCardFrameDecoder().feed(stream));
        IdCardFrameDecoder single = new IdCardFrameDecoder();
        List<Decoded> bytewise = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            bytewise.addAll(single.feed(stream, i, 1));
        }
        assertThat(Summary.of(bytewise)).isEqualTo(whole);
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            IdCardFrameDecoder decoder = new IdCardFrameDecoder();
            List<Decoded> out = new ArrayList<>();
            for (int off = 0; off < stream.length; ) {
                int n = Math.min(stream.length - off, 1 + random.nextInt(700));
                out.addAll(decoder.feed(stream, off, n));
                off += n;
            }
            assertThat(Summary.of(out)).as("round %d", round).isEqualTo(whole);
        }
    }

    @Test
    void aChunkLargerThanTheBufferYieldsAllItsFrames() {
        IdCardFrameDecoder decoder = new IdCardFrameDecoder(64);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            big.writeBytes(IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[] {(byte) i}));
        }
        List<Decoded> out = decoder.feed(big.toByteArray());
        assertThat(frames(out)).hasSize(500);
        assertThat(frames(out).get(499).body()[3]).isEqualTo((byte) 499);
        assertThat(decoder.capacity()).isEqualTo(7 + 64);
    }

    /** Frames, the non-garbage errors and the garbage byte count: what must not depend on chunking. */
    private record Summary(List<SamFrame> frames, List<FrameError> errors, long garbage) {
        static Summary of(List<Decoded> out) {
            return new Summary(IdCardFrameDecoderTest.frames(out), out.stream().filter(FrameError.class::isInstance)
                    .map(FrameError.class::cast).filter(e -> e.kind() != FrameError.Kind.GARBAGE).toList(),
                    IdCardFrameDecoderTest.errors(out, FrameError.Kind.GARBAGE).stream().mapToLong(FrameError::bytes).sum());
        }
    }

    /** Garbage, good frames (one with a photo-like payload), a bad checksum and a truncated frame. */
    private static byte[] sampleStream() {
        Random random = new Random(7);
        byte[] photo = new byte[1284];
        random.nextBytes(photo);
        byte[] badChecksum = IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[] {1, 2});
        badChecksum[badChecksum.length - 1] ^= 1;
        byte[] truncated = java.util.Arrays.copyOf(IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[40]), 20);
        return concat(hex("00FF13AA"), IdCardFrameEncoder.command(SamCommand.FIND_CARD),
                IdCardFrameEncoder.response(SamResult.FIND_SUCCESS, new byte[4]), badChecksum,
                IdCardFrameEncoder.response(SamResult.SUCCESS, photo), hex("AAAA"), truncated,
                IdCardFrameEncoder.response(SamResult.NO_CARD), hex("5A5A"),
                IdCardFrameEncoder.response(SamResult.SUCCESS, new byte[16]));
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
