package org.govkiosk.app.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.app.outbox.Delivery;
import org.govkiosk.app.outbox.OutboxMessage;
import org.govkiosk.app.outbox.OutboxSender;

/**
 * Delivers outbox entries through the {@link PlatformClient}: a case's answer is its case number, and so is a
 * supplement's and an issuance's.
 */
public final class PlatformOutboxSender implements OutboxSender {

    private final PlatformClient client;
    // Lenient: the payload was written by this terminal, perhaps by an older version of it.
    private final ObjectMapper json = PlatformJson.mapper();

    public PlatformOutboxSender(PlatformClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Delivery send(OutboxMessage message) {
        try {
            return switch (message.entry().kind()) {
                case CASE -> new Delivery.Delivered(
                        client.submitCase(json.readValue(message.payload(), CaseSubmission.class)).caseNumber());
                case RATING -> new Delivery.Delivered(
                        client.submitRating(json.readValue(message.payload(), RatingSubmission.class)).ratingId());
                // Its reference is the case number: the journey reads the case's new state from there.
                case SUPPLEMENT -> new Delivery.Delivered(client.submitSupplement(
                        json.readValue(message.payload(), SupplementSubmission.class)).caseNumber());
                case ISSUANCE -> new Delivery.Delivered(client.reportIssuance(
                        json.readValue(message.payload(), CertificateIssuance.class)).caseNumber());
            };
        } catch (PlatformException e) {
            return e.retryable() ? new Delivery.RetryLater(e.summary()) : new Delivery.Rejected(e.summary());
        } catch (IOException | IllegalArgumentException e) {
            // A payload this terminal wrote but cannot read back will not get better by waiting.
            return new Delivery.Rejected("the queued " + message.entry().kind() + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
