package org.govkiosk.platform.pads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The heartbeat's comments are spread over its interval (issue 21): each pass writes to one slice of the streams, and
 * the streams fall into the slices evenly, so 5,000 streams are never written to in one burst.
 */
class PadHubSlicesTest {

    @Test
    void streamsFallIntoTheSlicesEvenly() {
        int streams = 16_000;
        int[] perSlice = new int[PadHub.SLICES];
        for (int i = 0; i < streams; i++) {
            PadConnection c = new PadConnection(new PadBinding("PAD-" + i, "HALL-1", "W-" + (i % 7)), null);
            int slice = PadHub.slice(c);
            assertThat(slice).isBetween(0, PadHub.SLICES - 1);
            assertThat(PadHub.slice(c)).as("a stream stays in its slice").isEqualTo(slice);
            perSlice[slice]++;
        }
        int even = streams / PadHub.SLICES;
        for (int n : perSlice) {
            // Random stream ids: within a few standard deviations (about 31 here) of an even share.
            assertThat(n).isBetween(even - 200, even + 200);
        }
    }
}
