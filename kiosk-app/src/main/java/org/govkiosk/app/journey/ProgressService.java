package org.govkiosk.app.journey;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.HolderIdentity;
import org.govkiosk.api.IssuanceRecipient;
import org.govkiosk.app.platform.PlatformClient;
import org.govkiosk.app.platform.PlatformException;
import org.govkiosk.app.printing.PrintResult;
import org.govkiosk.app.printing.PrintService;
import org.govkiosk.device.DeviceStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress queries (办件查询) by case number or by the applicant's ID, and printing a finished case's certificate
 * (自助出证). Blocking: call it off the FX thread.
 */
public final class ProgressService {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressService.class);
    private static final long RESULT_POLL_MILLIS = 300;

    private final PlatformClient platform;
    private final PrintService printing;
    private final JourneySettings settings;
    private final CertificateIssuances issuances;

    /** @param issuances where a certificate printed here is reported to the platform (出证) */
    public ProgressService(PlatformClient platform, PrintService printing, JourneySettings settings,
            CertificateIssuances issuances) {
        this.platform = platform;
        this.printing = printing;
        this.settings = settings;
        this.issuances = issuances;
    }

    public ProgressAnswer byNumber(String caseNumber) {
        try {
            return new ProgressAnswer.Found(List.of(CaseProgress.of(platform.queryCase(caseNumber))));
        } catch (PlatformException e) {
            return failed(e, "query by number");
        }
    }

    /** The applicant's cases, newest first; the ID number goes in the request body, never a URL or a log. */
    public ProgressAnswer byApplicant(ApplicantIdentity who) {
        try {
            List<CaseProgress> cases = platform.searchCases(new CaseSearch(who.idType(), who.idNumber())).cases()
                    .stream().map(CaseProgress::of).toList();
            return cases.isEmpty() ? new ProgressAnswer.NotFound() : new ProgressAnswer.Found(cases);
        } catch (PlatformException e) {
            return failed(e, "query by applicant");
        }
    }

    /**
     * Asks the platform about a just-submitted 即办件 a few times, briefly, until its result can be printed: a
     * platform that decides on the spot has it at once, a clerk may take a little longer. Blocking.
     */
    public ResultReadiness awaitResult(String caseNumber, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                if (CaseProgress.of(platform.queryCase(caseNumber)).printable()) {
                    return ResultReadiness.READY;
                }
            } catch (PlatformException e) {
                LOG.warn("Result of case {} could not be asked for: {}", caseNumber, e.summary());
                return ResultReadiness.UNREACHABLE;
            }
            if (System.nanoTime() >= deadline) {
                return ResultReadiness.PENDING;
            }
            try {
                Thread.sleep(RESULT_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ResultReadiness.PENDING;
            }
        }
    }

    /**
     * Fetches the certificate of a finished case for {@code holder}, the person identified at this terminal, and
     * prints it on A4. The platform gives it only when {@code holder} is the case's applicant (a receipt alone
     * proves nobody's identity); once it is on paper, and only then, the platform is told (出证) through the outbox
     * that it was handed to the holder.
     */
    public CertificateOutcome printCertificate(String caseNumber, ApplicantIdentity holder) {
        byte[] pdf;
        try {
            pdf = platform.fetchCertificate(caseNumber, new HolderIdentity(holder.idType(), holder.idNumber()));
        } catch (PlatformException e) {
            if (e.errorCode().filter(ErrorCodes.NOT_THE_APPLICANT::equals).isPresent()) {
                LOG.info("Certificate of case {} refused: {} is not its applicant", caseNumber, holder);
                return new CertificateOutcome.NotTheHolder();
            }
            if (e.errorCode().filter(c -> c.equals(ErrorCodes.CERTIFICATE_NOT_AVAILABLE)
                    || c.equals(ErrorCodes.NOT_FOUND)).isPresent()) {
                return new CertificateOutcome.NotReady();
            }
            LOG.warn("Certificate of case {} could not be fetched: {}", caseNumber, e.summary());
            return new CertificateOutcome.Unavailable();
        }
        String jobId = "certificate-" + caseNumber;
        PrintResult result;
        try {
            result = printing.printPdf(pdf, jobId).get(settings.printTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            result = new PrintResult.Failed("print.failed.printer", DeviceStatusDetail.NO_DATA_TIMEOUT, true, jobId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = new PrintResult.Failed("print.failed.printer", DeviceStatusDetail.NONE, true, jobId);
        }
        if (result instanceof PrintResult.Printed p) {
            report(caseNumber, pdf);
            return new CertificateOutcome.Printed(p);
        }
        return new CertificateOutcome.PrintFailed((PrintResult.Failed) result);
    }

    /**
     * Prints the 不予受理通知书 of a refused case on A4, from the department's decision as the platform holds it:
     * when the case is found refused, and again from 办件查询 whenever asked. Blocking.
     */
    public PrintResult printRefusalNotice(CaseProgress refused) {
        JourneyPaper notice = JourneyPapers.refusalNotice(refused, settings);
        return ApplicationService.print(printing, notice, "non-acceptance-" + refused.caseNumber() + "-"
                + System.currentTimeMillis(), settings.printTimeout());
    }

    /**
     * Prints the 退回通知 of a returned case on A4, from the department's reasons as the platform holds them: when
     * the case is found returned, and again from 办件查询 whenever asked. Blocking.
     */
    public PrintResult printReturnNotice(CaseProgress returned) {
        JourneyPaper notice = JourneyPapers.returnNotice(returned, settings);
        return ApplicationService.print(printing, notice, "return-notice-" + returned.caseNumber() + "-"
                + System.currentTimeMillis(), settings.printTimeout());
    }

    /**
     * Prints the 补正 notice (the hall's 一次性告知书) of a case waiting for materials the department named, on A4:
     * every material still missing, the correction days from today. {@code item} is this terminal's catalog entry
     * of the case's item, when it has one. Blocking.
     */
    public PrintResult printSupplementNotice(CaseProgress c, java.util.Optional<org.govkiosk.app.catalog.CatalogItem> item) {
        JourneyPaper notice = JourneyPapers.supplementNotice(c, item, settings,
                java.time.LocalDate.now(java.time.Clock.system(settings.zone())));
        return ApplicationService.print(printing, notice, "supplement-notice-" + c.caseNumber() + "-"
                + System.currentTimeMillis(), settings.printTimeout());
    }

    /**
     * Prints the 容缺受理承诺书 of a case accepted with deferred materials again, on the receipt printer, from what
     * the platform keeps of the commitment. Blocking.
     */
    public PrintResult printCommitment(CaseProgress c) {
        JourneyPaper paper = JourneyPapers.commitmentAgain(c, settings);
        return ApplicationService.print(printing, paper, "deferral-commitment-" + c.caseNumber() + "-"
                + System.currentTimeMillis(), settings.printTimeout());
    }

    /** The citizen holds the paper whatever happens here: a report that cannot be queued is logged, not thrown. */
    private void report(String caseNumber, byte[] pdf) {
        try {
            issuances.printed(caseNumber, pdf, IssuanceRecipient.HOLDER);
        } catch (RuntimeException e) {
            LOG.error("The certificate of case {} was printed but its issuance could not be queued", caseNumber, e);
        }
    }

    private static ProgressAnswer failed(PlatformException e, String what) {
        if (e.errorCode().filter(ErrorCodes.NOT_FOUND::equals).isPresent()
                || e.httpStatus().filter(s -> s == 404).isPresent()) {
            return new ProgressAnswer.NotFound();
        }
        LOG.warn("Progress {} failed: {}", what, e.summary());
        return new ProgressAnswer.Unavailable(e.retryable());
    }
}
