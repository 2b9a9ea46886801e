package org.govkiosk.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.govkiosk.api.CaseReturn;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.CaseTransition;
import org.govkiosk.api.CaseView;
import org.govkiosk.api.ErrorCodes;
import org.govkiosk.api.ReturnNotice;
import org.junit.jupiter.api.Test;

/**
 * 退回件, part of the store contract (every database through {@link StoreContract}): a case returned with its written
 * reasons keeps them one by one, records who returned it, and cannot be returned or moved on again.
 */
interface ReturnContract extends ClerkSupplementContract {

    CaseReturn RETURN = new CaseReturn("示例市人力资源和社会保障局", "窗口工号 0127",
            List.of("解除劳动合同证明未加盖单位公章", "申请表第3栏缴费档次与所附材料不一致"), null);

    @Test
    default void aReturnedCaseKeepsItsReasonsAndWhoReturnedIt() {
        String n = completeCase("r1");
        CaseStore store = new CaseStore(database());
        store.transition(n, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY);

        CaseView returned = store.returnCase(n, RETURN, NOW.plusSeconds(60), TODAY);
        assertThat(returned.state()).isEqualTo(CaseState.RETURNED);
        assertThat(returned.returned()).isEqualTo(new ReturnNotice("示例市人力资源和社会保障局", RETURN.reasons(), null,
                NOW.plusSeconds(60)));
        assertThat(returned.note()).isEqualTo("1. 解除劳动合同证明未加盖单位公章；2. 申请表第3栏缴费档次与所附材料不一致");
        assertThat(returned.history()).extracting(e -> e.state()).containsExactly(CaseState.SUBMITTED,
                CaseState.ACCEPTED, CaseState.RETURNED);
        assertThat(returned.history().get(2).note()).isEqualTo(returned.note());
        assertThat(returned.overdue()).isFalse();
        assertThat(view(n)).isEqualTo(returned);
        assertThat(store.returnedBy(n)).contains("窗口工号 0127");
        assertThat(store.returnedBy(completeCase("r2"))).isEmpty();
    }

    @Test
    default void aDecidedCaseCannotBeReturnedAndAReturnedOneMovesNoMore() {
        CaseStore store = new CaseStore(database());
        String refused = completeCase("r3");
        store.transition(refused, new CaseTransition(CaseState.NOT_ACCEPTED, "不属于本机关职权范围"), NOW, TODAY);
        assertThatThrownBy(() -> store.returnCase(refused, RETURN, NOW, TODAY)).isInstanceOf(StoreConflict.class)
                .satisfies(e -> assertThat(((StoreConflict) e).code()).isEqualTo(ErrorCodes.ILLEGAL_TRANSITION));
        assertThat(store.returnedBy(refused)).isEmpty();
        assertThat(view(refused).returned()).isNull();

        String returned = completeCase("r4");
        store.returnCase(returned, RETURN, NOW, TODAY);
        assertThatThrownBy(() -> store.returnCase(returned, RETURN, NOW, TODAY)).isInstanceOf(StoreConflict.class);
        assertThatThrownBy(() -> store.transition(returned, new CaseTransition(CaseState.ACCEPTED, null), NOW, TODAY))
                .isInstanceOf(StoreConflict.class);
        assertThatThrownBy(() -> store.returnCase("GK-NONE", RETURN, NOW, TODAY)).isInstanceOf(NotFoundException.class);
    }
}
