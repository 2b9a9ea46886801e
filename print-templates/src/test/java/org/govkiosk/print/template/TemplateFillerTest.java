package org.govkiosk.print.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.data.QueueSlipData;
import org.govkiosk.print.data.TemplateKind;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.junit.jupiter.api.Test;

/** Filling checks the data: a gap on paper is an error naming the template and the field. */
class TemplateFillerTest {

    private final TemplateRepository templates = Samples.templates();

    @Test
    void missingFieldNamesTemplateAndField() {
        AcceptanceReceiptData r = Samples.receipt();
        AcceptanceReceiptData noDate = new AcceptanceReceiptData(r.hallName(), r.caseNumber(), r.itemName(),
                r.applicantName(), r.applicantIdNumber(), r.acceptedAt(), null, r.progressQueryUrl(),
                r.hallAddress(), r.hallPhone(), r.terminalId());

        assertThatThrownBy(() -> templates.fill(noDate))
                .isInstanceOfSatisfying(TemplateException.class, e -> {
                    assertThat(e.template()).isEqualTo("acceptance-receipt");
                    assertThat(e.field()).isEqualTo("promisedDate");
                })
                .hasMessage("template acceptance-receipt: field promisedDate is missing");
    }

    @Test
    void blankTextCountsAsMissing() {
        QueueSlipData q = Samples.queueSlip();
        QueueSlipData blank = new QueueSlipData(q.hallName(), "  ", q.businessName(), q.waitingAhead(),
                q.takenAt(), q.terminalId());
        assertThatThrownBy(() -> templates.fill(blank)).hasMessage("template queue-slip: field queueNumber is missing");
    }

    @Test
    void emptyMaterialListAndMissingMaterialFieldAreNamed() {
        assertThatThrownBy(() -> templates.fill(Samples.notification(List.of())))
                .hasMessage("template one-time-notification: field missingMaterials is empty");
        List<MissingMaterial> withGap = Arrays.asList(new MissingMaterial("经营场所平面图", "原件1份"),
                new MissingMaterial("食品安全管理制度文本", null));
        assertThatThrownBy(() -> templates.fill(Samples.notification(withGap)))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.field()).isEqualTo("missingMaterials[1].requirement"))
                .hasMessageContaining("one-time-notification");
    }

    @Test
    void fieldsAreFilledWithChineseDatesAndRowNumbers() {
        Document doc = templates.fill(Samples.notification(Samples.materials()));
        Block.Table table = doc.blocks().stream().filter(Block.Table.class::isInstance).map(Block.Table.class::cast)
                .findFirst().orElseThrow();
        assertThat(table.header()).containsExactly("序号", "需补正的材料", "具体要求");
        assertThat(table.rows()).hasSize(3);
        assertThat(table.rows().get(2)).containsExactly("3", "法定代表人身份证明", "身份证复印件1份，须与原件核对一致");
        assertThat(doc.blocks()).anySatisfy(b -> assertThat(b).isInstanceOfSatisfying(Block.Paragraph.class,
                p -> assertThat(p.text()).contains("您于2025年3月18日申请办理的“食品经营许可证核发（新办）”")));
        assertThat(doc.blocks()).noneMatch(b -> b.toString().contains("${"));
    }

    @Test
    void receiptCarriesMaskedApplicantOnly() {
        Document doc = templates.fill(Samples.receipt());
        Block.KeyValueTable kv = (Block.KeyValueTable) doc.blocks().stream()
                .filter(Block.KeyValueTable.class::isInstance).findFirst().orElseThrow();
        assertThat(kv.entries()).contains(new Block.Entry("申请人", "张**"),
                new Block.Entry("证件号码", "110***********002X"),
                new Block.Entry("承诺办结", "2025年3月28日前"),
                new Block.Entry("受理时间", "2025年3月18日 09:42"));
        assertThat(doc.toString()).doesNotContain(Samples.APPLICANT).doesNotContain(Samples.ID_NUMBER);
    }

    @Test
    void maskedTextCannotHoldAnUnmaskedValue() {
        assertThat(MaskedText.name("欧阳娜娜").text()).isEqualTo("欧***");
        assertThat(MaskedText.idNumber("11010519491231002X").text()).isEqualTo("110***********002X");
        assertThatThrownBy(() -> MaskedText.name(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataOfAnotherKindIsRefused() {
        Template receipt = templates.template(TemplateKind.ACCEPTANCE_RECEIPT);
        assertThatThrownBy(() -> TemplateFiller.fill(receipt, Samples.queueSlip()))
                .hasMessageContaining("acceptance-receipt").hasMessageContaining("QueueSlipData");
    }

    @Test
    void placeholderValuesAreInsertedLiterally() {
        Template t = TemplateParser.parse("queue-slip.yaml", """
                kind: queue-slip
                title: 排队凭条
                blocks:
                  - text: 号码 ${queueNumber} · ${businessName}
                """, null);
        QueueSlipData q = Samples.queueSlip();
        Document doc = TemplateFiller.fill(t, new QueueSlipData(q.hallName(), "$1 ${hallName}", "业务\\办理",
                q.waitingAhead(), q.takenAt(), q.terminalId()));
        assertThat(((Block.Paragraph) doc.blocks().get(0)).text()).isEqualTo("号码 $1 ${hallName} · 业务\\办理");
        assertThat(TemplateFiller.format(LocalDate.of(2025, 1, 5))).isEqualTo("2025年1月5日");
    }

    @Test
    void whenShowsABlockOrRowOnlyForANonEmptyNonFalseField() {
        Template t = TemplateParser.parse("submission-slip.yaml", """
                kind: submission-slip
                title: 申报凭条
                blocks:
                  - heading: 申报凭条
                  - text: 办件 ${caseNumber}
                    when: caseNumber
                  - text: 拒收
                    when: refused
                  - fields:
                      办件编号: {value: "${caseNumber}", when: caseNumber}
                      本机受理号: ${localReference}
                  - fields:
                      编号: {value: "${caseNumber}", when: caseNumber}
                """, null);
        Document pending = TemplateFiller.fill(t, Samples.submissionSlip(null, false));
        assertThat(pending.blocks()).as("no text for the missing number, none for refused=false, no empty table")
                .containsExactly(new Block.Heading("申报凭条", org.govkiosk.print.model.TextStyle.TITLE),
                        new Block.KeyValueTable(List.of(new Block.Entry("本机受理号", "3F9A2C71"))));
        Document sent = TemplateFiller.fill(t, Samples.submissionSlip("CASE-1", true));
        assertThat(sent.blocks()).hasSize(5);
        assertThat(((Block.KeyValueTable) sent.blocks().get(3)).entries()).extracting(Block.Entry::key)
                .containsExactly("办件编号", "本机受理号");
    }
}
