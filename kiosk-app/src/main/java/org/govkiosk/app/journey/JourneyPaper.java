package org.govkiosk.app.journey;

import java.util.Objects;
import org.govkiosk.print.data.TemplateData;

/** The document a journey prints for the citizen, kept so it can be printed again when the paper failed. */
public sealed interface JourneyPaper {

    enum Kind {
        /** 受理回执 with the case number and a QR code for progress queries. */
        ACCEPTANCE_RECEIPT,
        /** The platform was not reached yet: a slip saying the case is kept and sent by itself. */
        SUBMISSION_SLIP,
        /** 一次性告知书 listing every missing material. */
        ONE_TIME_NOTIFICATION,
        /** Materials handed in for a case waiting for them (补正), and what is still missing. */
        SUPPLEMENT_SLIP,
        /** 不予受理通知书: why a case was refused, on what legal basis, and where to appeal. */
        NON_ACCEPTANCE_NOTICE,
        /** 退回通知: why a case was returned, reason by reason, and what the applicant can do next. */
        RETURN_NOTICE,
        /** 容缺受理承诺书: the deferred materials, the deadline and the citizen's acceptance. */
        DEFERRAL_COMMITMENT
    }

    Kind kind();

    /** A document filled from one of the hall's templates. */
    record FromTemplate(Kind kind, TemplateData data) implements JourneyPaper {
        public FromTemplate {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(data, "data");
        }
    }
}
