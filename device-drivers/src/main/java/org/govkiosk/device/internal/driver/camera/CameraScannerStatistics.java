package org.govkiosk.device.internal.driver.camera;

/**
 * Counters of a camera scanner since start, for the maintenance screen.
 *
 * @param framesRead pictures decoded while codes were wanted
 * @param framesWithoutCode of those, pictures in which no code was found
 * @param framesUnreadable files set aside in {@code failed/}
 * @param codesPublished codes handed to the kiosk (repeats within the de-bounce window not counted)
 * @param lastFailure why the last file was set aside, or empty
 */
public record CameraScannerStatistics(long framesRead, long framesWithoutCode, long framesUnreadable,
        long codesPublished, String lastFailure) {
}
