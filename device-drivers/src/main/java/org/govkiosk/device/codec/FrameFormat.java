package org.govkiosk.device.codec;

/**
 * One protocol's framing, for a {@link FrameBuffer}: which bytes start a frame, how long a frame may be, and what
 * the buffered bytes at a frame start are. The buffer does the rest (hunting, holding, bounding, resynchronising),
 * so a protocol states only its own rules.
 *
 * @param <D> what the protocol's decoder emits: its frames and its framing errors, one sealed type
 */
public interface FrameFormat<D> {

    /** The bytes every frame starts with (a preamble, STX); the buffer hunts for them. */
    byte[] marker();

    /** The most bytes one frame takes, marker to trailer: the buffer never holds more. */
    int maxFrameBytes();

    /**
     * What the buffered bytes, which begin with a whole {@link #marker()}, hold: a frame or a damaged one to
     * drop (either as {@link Cut#take}), or the beginning of a frame ({@link Cut#more()}).
     */
    Cut<D> cut(BufferedBytes bytes);

    /** The protocol's error for bytes the buffer drops itself: the protocol says what kind of error each is. */
    D error(FrameFault fault, int bytes, String detail);

    /** What {@link #cut} found at the start of the buffered bytes. */
    sealed interface Cut<D> {

        /** The buffered bytes are the beginning of a frame: wait for more. */
        @SuppressWarnings("unchecked")
        static <D> Cut<D> more() {
            return (Cut<D>) More.INSTANCE;
        }

        /** The first {@code bytes} buffered bytes are done with: {@code decoded} (a frame or an error) says how. */
        static <D> Cut<D> take(int bytes, D decoded) {
            return new Take<>(bytes, decoded);
        }

        enum More implements Cut<Object> {
            INSTANCE
        }

        record Take<D>(int bytes, D decoded) implements Cut<D> {
            public Take {
                if (bytes < 1) {
                    throw new IllegalArgumentException("a cut takes at least one byte, not " + bytes);
                }
                java.util.Objects.requireNonNull(decoded, "decoded");
            }
        }
    }
}
