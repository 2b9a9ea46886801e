package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.govkiosk.api.Attachment;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseReceipt;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseSubmission;
import org.govkiosk.api.Material;
import org.govkiosk.api.SupplementSubmission;
import org.govkiosk.platform.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Pages scanned when handing materials in (补正), part of the store contract: stored in the supplement's own
 * transaction, numbered after the pages the case already has of the material.
 */
interface SupplementPagesContract extends SupplementContract {

    private static Attachment page(int fill) {
        return Attachment.of("image/jpeg", Fixtures.jpeg(1_000, fill));
    }

    private static Material scanned(String code, String name, Attachment... pages) {
        return new Material(code, name, Material.Status.PROVIDED, Material.Source.SCAN, pages[0].sha256(),
                List.of(pages));
    }

    private List<String> pages(String caseNumber) {
        return new AttachmentStore(database()).pages(caseNumber).stream()
                .map(p -> p.materialCode() + ":" + p.page() + ":" + p.attachment().sha256()).toList();
    }

    @Test
    default void aSupplementsPagesAreStoredWithItAndNotAgainOnAResend() {
        Attachment own = page(1);
        CaseSubmission filed = SupplementContract.withMaterials("pg1", CaseKind.PROMISED,
                scanned("M01", "身份证", own), SupplementContract.missing("M02", "户口簿"));
        CaseReceipt r = file(filed, decisions(false));
        new AttachmentStore(database()).store(r.caseNumber(), filed, NOW);
        Attachment first = page(2);
        Attachment second = page(3);
        SupplementSubmission s = SupplementContract.supplement("pg1-s", r.caseNumber(),
                filed.applicant().idNumber(), scanned("M02", "户口簿", first, second));

        assertThat(handIn(s, decisions(false)).state()).isEqualTo(CaseState.ACCEPTED);
        assertThat(handIn(s, decisions(false)).duplicate()).isTrue();

        assertThat(pages(r.caseNumber())).containsExactly("M01:1:" + own.sha256(), "M02:1:" + first.sha256(),
                "M02:2:" + second.sha256());
    }

    @Test
    default void pagesAddedLaterFollowTheMaterialsEarlierPages() {
        Attachment own = page(4);
        CaseSubmission filed = SupplementContract.withMaterials("pg2", CaseKind.PROMISED,
                scanned("M01", "身份证", own));
        CaseReceipt r = file(filed, decisions(false));
        new AttachmentStore(database()).store(r.caseNumber(), filed, NOW);
        Attachment clearer = page(5);

        database().inTransaction(c -> {
            AttachmentStore.append(c, r.caseNumber(), List.of(scanned("M01", "身份证", clearer)), NOW);
            return null;
        });

        assertThat(pages(r.caseNumber())).containsExactly("M01:1:" + own.sha256(), "M01:2:" + clearer.sha256());
    }

    @Test
    default void aRefusedSupplementStoresNoPage() {
        CaseSubmission filed = SupplementContract.withMaterials("pg3", CaseKind.PROMISED,
                SupplementContract.provided("M01", "身份证"), SupplementContract.missing("M02", "户口簿"));
        CaseReceipt r = file(filed, decisions(false));
        SupplementSubmission notTheApplicant = SupplementContract.supplement("pg3-s", r.caseNumber(), OTHER_ID,
                scanned("M02", "户口簿", page(6)));

        assertThatThrownBy(() -> handIn(notTheApplicant, decisions(false))).isInstanceOf(StoreConflict.class);
        assertThat(pages(r.caseNumber())).isEmpty();
    }
}
