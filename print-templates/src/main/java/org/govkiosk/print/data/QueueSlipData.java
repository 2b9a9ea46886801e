package org.govkiosk.print.data;

import java.time.LocalDateTime;

/** 排队号 slip: the number to wait for, the business it is for and how many are ahead. */
public record QueueSlipData(
        String hallName,
        String queueNumber,
        String businessName,
        Integer waitingAhead,
        LocalDateTime takenAt,
        String terminalId) implements TemplateData {

    @Override
    public TemplateKind kind() {
        return TemplateKind.QUEUE_SLIP;
    }
}
