package org.govkiosk.app.ui.journey;

import org.govkiosk.app.ui.CatalogTexts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import org.govkiosk.api.CaseState;
import org.govkiosk.app.i18n.I18n;
import org.govkiosk.app.journey.ApplicationOutcome;
import org.govkiosk.app.journey.CertificateOutcome;
import org.govkiosk.app.journey.FieldProblem;
import org.govkiosk.app.journey.JourneyPaper;
import org.govkiosk.app.journey.MaterialChoice;
import org.govkiosk.app.printing.PrintResult;

/**
 * The words the journey screens show for its outcomes, as message keys. Written out one by one (no keys built from
 * names) so the bundle test sees every key in use.
 */
public final class JourneyTexts {

    private JourneyTexts() {
    }

    /** What happened to the application, plainly: at the platform, queued on this terminal, or waiting for 补正. */
    public static String headlineKey(ApplicationOutcome o) {
        if (o.refused()) {
            return "apply.result.refused";
        }
        if (o.needsSupplement()) {
            return o.queuedOffline() ? "apply.result.supplement-queued" : "apply.result.supplement";
        }
        return o.queuedOffline() ? "apply.result.queued" : "apply.result.submitted";
    }

    /** What was printed, or that it could not be. */
    public static String paperKey(JourneyPaper.Kind kind, PrintResult printed) {
        if (printed instanceof PrintResult.Failed) {
            return "apply.result.print-failed";
        }
        return switch (kind) {
            case ACCEPTANCE_RECEIPT -> "apply.result.printed.receipt";
            case SUBMISSION_SLIP -> "apply.result.printed.slip";
            case ONE_TIME_NOTIFICATION -> "apply.result.printed.notification";
            case SUPPLEMENT_SLIP -> "supplement.printed.slip";
            case NON_ACCEPTANCE_NOTICE -> "progress.refusal.printed";
            case RETURN_NOTICE -> "progress.return.printed";
            case DEFERRAL_COMMITMENT -> "apply.result.printed.commitment";
        };
    }

    public static String certificateKey(CertificateOutcome o) {
        if (o instanceof CertificateOutcome.Printed) {
            return "journey.certificate.printed";
        }
        if (o instanceof CertificateOutcome.NotReady) {
            return "journey.certificate.not-ready";
        }
        if (o instanceof CertificateOutcome.NotTheHolder) {
            return "journey.certificate.not-the-holder";
        }
        if (o instanceof CertificateOutcome.Unavailable) {
            return "journey.certificate.unavailable";
        }
        return "journey.certificate.failed";
    }

    public static String choiceKey(MaterialChoice c) {
        return switch (c) {
            case E_LICENCE -> "apply.choice.e-licence";
            case PROVIDED -> "apply.choice.provided";
            case MISSING -> "apply.choice.missing";
            case DEFERRED -> "apply.choice.deferred";
        };
    }

    public static String stateKey(CaseState s) {
        return switch (s) {
            case SUBMITTED -> "journey.state.submitted";
            case ACCEPTED -> "journey.state.accepted";
            case NOT_ACCEPTED -> "journey.state.not-accepted";
            case NEEDS_SUPPLEMENT -> "journey.state.needs-supplement";
            case IN_REVIEW -> "journey.state.in-review";
            case COMPLETED -> "journey.state.completed";
            case CERTIFICATE_ISSUED -> "journey.state.certificate-issued";
            case RETURNED -> "journey.state.returned";
        };
    }

    /** A problem in the citizen's language: the catalog's own words for a pattern, else the bundle's. */
    public static String problemText(I18n i18n, FieldProblem p) {
        if (p == null) {
            return "";
        }
        return p.catalogText().map(t -> CatalogTexts.in(i18n.locale(), t)).orElseGet(() -> i18n.text(p.messageKey(), p.args()));
    }

    public static StringBinding bindProblem(I18n i18n, ObservableValue<FieldProblem> problem) {
        return Bindings.createStringBinding(() -> problemText(i18n, problem.getValue()), problem,
                i18n.localeProperty());
    }
}
