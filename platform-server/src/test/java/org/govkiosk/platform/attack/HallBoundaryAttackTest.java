package org.govkiosk.platform.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.govkiosk.api.ApiError;
import org.govkiosk.api.ApiPaths;
import org.govkiosk.api.BadRatingList;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseList;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseSearch;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.CertificateIssuance;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.IdType;
import org.govkiosk.api.IssuanceChannel;
import org.govkiosk.api.Material;
import org.govkiosk.api.RatingChannel;
import org.govkiosk.api.RatingSubmission;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.govkiosk.platform.RunningPlatform;
import org.govkiosk.platform.TestTerminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the hall boundary (issue 14, trust boundaries): a terminal registered in HALL-B acting on HALL-1's
 * cases, and any terminal rating a case the platform does not hold. Another hall's case is answered as if it did
 * not exist (404 not-found, not retryable), so its existence does not leak; a body naming another hall than the
 * terminal's is a 403 other-hall.
 */
class HallBoundaryAttackTest extends RunningPlatform {

    /** A terminal of another hall, properly registered there with the enrolment token. */
    private TestTerminal intruder;

    @BeforeEach
    void registerIntruder() throws Exception {
        intruder = new TestTerminal(server.baseUri(), "T-B01", clock).registered(ENROLMENT, "HALL-B");
    }

    private String caseOfHall1(String key, Material... materials) throws Exception {
        CaseSubmission b = Fixtures.submission(terminal.id, key);
        CaseSubmission s = materials.length == 0 ? b : new CaseSubmission(b.idempotencyKey(), b.localCaseId(),
                b.terminalId(), b.itemCode(), b.itemName(), CaseKind.PROMISED, b.applicant(), b.formData(),
                List.of(materials), b.submittedAt());
        HttpResponse<String> filed = terminal.post(ApiPaths.CASES, s);
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        return TestTerminal.read(filed, CaseReceipt.class).caseNumber();
    }

    private static RatingSubmission rating(TestTerminal by, String key, String caseNumber, String hall, int level) {
        return new RatingSubmission(key, caseNumber, "1", "ITEM-001", hall, by.id, null, null,
                RatingChannel.SELF_SERVICE_TERMINAL, level, Map.of("OVERALL", level),
                level <= 2 ? List.of("SERVICE_ATTITUDE") : List.of(), null, false,
                Instant.parse("2025-03-03T02:10:00Z"));
    }

    private static void refused(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        ApiError error = TestTerminal.error(r);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.retryable()).as("a terminal must not resend this forever").isFalse();
    }

    @Test
    void aTerminalOfAnotherHallCannotRateAHallsCaseAndTheCitizensOwnRatingStillCounts() throws Exception {
        String n = caseOfHall1("c1");
        // Naming its own hall: the case is not one of that hall's.
        refused(intruder.post(ApiPaths.RATINGS, rating(intruder, "x1", n, "HALL-B", 1)), 404, ErrorCodes.NOT_FOUND);
        // Naming the case's hall: it is not the intruder's hall.
        refused(intruder.post(ApiPaths.RATINGS, rating(intruder, "x2", n, "HALL-1", 1)), 403, ErrorCodes.OTHER_HALL);

        HttpResponse<String> citizen = terminal.post(ApiPaths.RATINGS, rating(terminal, "r1", n, "HALL-1", 5));
        assertThat(citizen.statusCode()).as("the citizen's real rating is taken").isEqualTo(201);
        HttpResponse<String> bad = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(TestTerminal.read(bad, BadRatingList.class).ratings()).isEmpty();
    }

    @Test
    void aRatingOfACaseThatDoesNotExistIsRefused() throws Exception {
        refused(intruder.post(ApiPaths.RATINGS, rating(intruder, "x1", "GK-NO-SUCH-CASE", "HALL-NOWHERE", 1)),
                403, ErrorCodes.OTHER_HALL);
        refused(intruder.post(ApiPaths.RATINGS, rating(intruder, "x2", "GK-NO-SUCH-CASE", "HALL-B", 1)),
                404, ErrorCodes.NOT_FOUND);
        refused(terminal.post(ApiPaths.RATINGS, rating(terminal, "x3", "GK-NO-SUCH-CASE", "HALL-1", 2)),
                404, ErrorCodes.NOT_FOUND);
        HttpResponse<String> bad = clerk("GET", ApiPaths.CLERK_BAD_RATINGS, null);
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(bad, BadRatingList.class).ratings())
                .as("nothing shows in the clerk's bad-ratings list").isEmpty();
    }

    @Test
    void aTerminalOfAnotherHallCannotReadSearchOrSupplementAHallsCase() throws Exception {
        String n = caseOfHall1("c1", new Material("M01", "户口簿", Material.Status.MISSING, null, null));
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).state())
                .isEqualTo(CaseState.NEEDS_SUPPLEMENT);

        HttpResponse<String> read = intruder.get(ApiPaths.caseByNumber(n));
        refused(read, 404, ErrorCodes.NOT_FOUND);
        assertThat(read.body()).doesNotContain(n).doesNotContain("张");
        refused(intruder.get(ApiPaths.caseByNumber("GK-NO-SUCH-CASE")), 404, ErrorCodes.NOT_FOUND);
        assertThat(TestTerminal.error(intruder.get(ApiPaths.caseByNumber("GK-NO-SUCH-CASE"))).message())
                .as("another hall's case and no case answer alike")
                .isEqualTo(TestTerminal.error(read).message());
        refused(intruder.post(ApiPaths.caseCertificate(n), new org.govkiosk.api.HolderIdentity(IdType.RESIDENT_ID, Fixtures.ID_NUMBER)), 404,
                ErrorCodes.NOT_FOUND);

        HttpResponse<String> search = intruder.post(ApiPaths.CASE_SEARCH,
                new CaseSearch(IdType.RESIDENT_ID, Fixtures.ID_NUMBER));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(TestTerminal.read(search, CaseList.class).cases()).isEmpty();
        assertThat(TestTerminal.read(terminal.post(ApiPaths.CASE_SEARCH,
                new CaseSearch(IdType.RESIDENT_ID, Fixtures.ID_NUMBER)), CaseList.class).cases())
                .extracting(CaseView::caseNumber).containsExactly(n);

        // Even with the applicant's ID number in hand: no proof of who stands at the intruder's terminal.
        HttpResponse<String> supplement = intruder.post(ApiPaths.caseSupplements(n), new SupplementSubmission("s1", n,
                intruder.id, IdType.RESIDENT_ID, Fixtures.ID_NUMBER,
                List.of(new Material("M01", "户口簿", Material.Status.PROVIDED, Material.Source.PAPER, null)),
                clock.instant()));
        refused(supplement, 404, ErrorCodes.NOT_FOUND);
        assertThat(TestTerminal.read(terminal.get(ApiPaths.caseByNumber(n)), CaseView.class).state())
                .as("the case still waits for its applicant").isEqualTo(CaseState.NEEDS_SUPPLEMENT);
    }

    @Test
    void aTerminalOfAnotherHallCannotReportAnIssuanceOfAHallsCase() throws Exception {
        String n = caseOfHall1("c1");
        for (CaseState s : List.of(CaseState.ACCEPTED, CaseState.IN_REVIEW, CaseState.COMPLETED)) {
            assertThat(clerk("POST", ApiPaths.clerkCaseTransitions(n), "{\"to\":\"" + s + "\"}").statusCode())
                    .isEqualTo(200);
        }
        String sha = "0".repeat(64);
        refused(intruder.post(ApiPaths.caseIssuances(n), new CertificateIssuance("i1", n, intruder.id, "HALL-B",
                IssuanceChannel.SELF_SERVICE_TERMINAL, sha, clock.instant())), 404, ErrorCodes.NOT_FOUND);
        refused(intruder.post(ApiPaths.caseIssuances(n), new CertificateIssuance("i2", n, intruder.id, "HALL-1",
                IssuanceChannel.SELF_SERVICE_TERMINAL, sha, clock.instant())), 403, ErrorCodes.OTHER_HALL);
    }
}
