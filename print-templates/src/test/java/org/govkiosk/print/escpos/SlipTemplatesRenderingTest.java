package org.govkiosk.print.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.govkiosk.print.PdfInspection;
import org.govkiosk.print.Samples;
import org.govkiosk.print.data.NonAcceptanceNoticeData;
import org.govkiosk.print.data.SupplementSlipData;
import org.govkiosk.print.data.TemplateData;
import org.govkiosk.print.model.Block;
import org.govkiosk.print.model.Document;
import org.govkiosk.print.pdf.PdfRenderer;
import org.govkiosk.print.template.TemplateRepository;
import org.junit.jupiter.api.Test;

/**
 * The slips and the test page that were built in code are templates now: each renders from its sample data on a
 * receipt (ESC/POS) and on A4 (PDF) with no placeholder left, and shows what its flags choose, only that.
 */
class SlipTemplatesRenderingTest {

    private final TemplateRepository templates = Samples.templates();
    private final EscPosRenderer escPos = new EscPosRenderer(EscPosSettings.of(ReceiptPaper.MM80));

    @Test
    void submissionSlipWithACaseNumberSaysSentAndHasTheQr() {
        Document slip = templates.fill(Samples.submissionSlip(Samples.CASE_NUMBER, false));
        String text = receiptText(slip);
        assertThat(text).contains("示例市政务服务中心", "申报凭条", "办件编号：", Samples.CASE_NUMBER, "3F9A2C71",
                "张**", "2025-03-18 09:42", "办理部门已收到", "扫码或凭办件编号查询办理进度", "自助终端 ZZ-0031")
                .doesNotContain("待提交", "网络暂时中断", "未能自动提交");
        assertThat(qrs(slip)).containsExactly("https://zwfw.example.gov.cn/progress?case=" + Samples.CASE_NUMBER);
        assertThat(pdfText(slip)).contains("申报凭条", "办理部门已收到");
    }

    @Test
    void submissionSlipWithoutACaseNumberIsPendingAndHasNoQr() {
        Document slip = templates.fill(Samples.submissionSlip(null, false));
        String text = receiptText(slip);
        assertThat(text).contains("申报凭条（待提交）", "本机受理号", "3F9A2C71", "网络暂时中断", "无需重复申报")
                .doesNotContain("办件编号：", "办理部门已收到", "未能自动提交", "扫码");
        assertThat(qrs(slip)).isEmpty();
        assertThat(pdfText(slip)).contains("待提交", "网络暂时中断");
    }

    @Test
    void refusedSubmissionSlipSendsTheApplicantToAWindowWithOrWithoutNumber() {
        String without = receiptText(templates.fill(Samples.submissionSlip(null, true)));
        assertThat(without).contains("待提交", "未能自动提交", "示例市人民大道88号市民中心一楼窗口办理")
                .doesNotContain("网络暂时中断", "办理部门已收到");
        Document with = templates.fill(Samples.submissionSlip("CASE-7", true));
        assertThat(receiptText(with)).contains("未能自动提交", "CASE-7").doesNotContain("待提交", "网络暂时中断");
        assertThat(qrs(with)).singleElement().asString().endsWith("CASE-7");
    }

    @Test
    void supplementSlipShowsWhatIsStillMissingOnlyWhenSomethingIs() {
        String some = receiptText(templates.fill(Samples.supplementSlip("法定代表人身份证明",
                SupplementSlipData.Delivery.RECEIVED)));
        assertThat(some).contains("补交材料凭条", "补交材料：", "仍需补交：", "法定代表人身份证明", "请在5个工作日内（2025年3月27日前）补齐")
                .doesNotContain("请凭办件编号或身份证查询办理进度");
        Document all = templates.fill(Samples.supplementSlip(null, SupplementSlipData.Delivery.RECEIVED));
        assertThat(receiptText(all)).contains("请凭办件编号或身份证查询办理进度").doesNotContain("仍需补交", "工作日内");
        assertThat(qrs(all)).containsExactly(Samples.QUERY_URL);
        assertThat(receiptText(templates.fill(Samples.supplementSlip(null, SupplementSlipData.Delivery.WAITING))))
                .contains("网络暂时中断").doesNotContain("办理部门已收到", "未能自动提交");
        assertThat(receiptText(templates.fill(Samples.supplementSlip(null, SupplementSlipData.Delivery.REFUSED))))
                .contains("未能自动提交", "示例市人民大道88号市民中心一楼窗口办理").doesNotContain("网络暂时中断");
    }

    @Test
    void printerTestPageLeavesOutAnUnknownLink() {
        Document page = templates.fill(Samples.testPage("serial /dev/ttyS0 @ 115200"));
        assertThat(receiptText(page)).contains("打印测试页", "ZZ-0031", "receipt-1", "连接 Link：",
                "2025-03-18 08:00:00", "一二三四五六七八九十", "abcdefghijklmnopqrstuvwxyz");
        assertThat(qrs(page)).containsExactly("GOVKIOSK-TEST diag-test-1742256000000");
        assertThat(receiptText(templates.fill(Samples.testPage(null)))).doesNotContain("连接 Link");
        assertThat(pdfText(page)).contains("打印测试页", "receipt-1");
    }

    @Test
    void nonAcceptanceNoticeSaysWhyOnWhatBasisAndWhereToAppealWithOrWithoutNumberAndSeal() {
        NonAcceptanceNoticeData full = Samples.refusal();
        String text = pdfText(templates.fill(full));
        assertThat(text).contains("不予受理通知书", full.departmentName(), full.noticeNumber(), Samples.CASE_NUMBER,
                "经审查，因" + full.reason().replaceAll("\\s+", ""), "依据" + full.legalBasis(), "决定不予受理",
                "六十日内向" + full.reviewAuthority() + "申请行政复议", "六个月内依法向" + full.court() + "提起行政诉讼",
                full.contactPhone());
        assertThat(templates.fill(full).blocks()).anyMatch(b -> b instanceof Block.Image);

        // Printed at a terminal: no 文号 given by the department, no seal at the terminal; those blocks are left out.
        NonAcceptanceNoticeData terminal = new NonAcceptanceNoticeData(full.departmentName(), null,
                full.applicantName(), full.caseNumber(), full.itemName(), full.submittedOn(), full.reason(),
                full.legalBasis(), full.reviewAuthority(), full.court(), full.contactPhone(), full.issuedOn(), null);
        Document bare = templates.fill(terminal);
        assertThat(bare.blocks()).noneMatch(b -> b instanceof Block.Image);
        assertThat(pdfText(bare)).contains("不予受理通知书", "依据" + full.legalBasis(), full.court())
                .doesNotContain("${", "null");
    }

    @Test
    void returnNoticeListsEveryReasonAndWhatToDoNextWithOrWithoutTheDepartmentsWords() {
        Document notice = templates.fill(Samples.returned("请补齐盖章材料后重新申报"));
        keep(notice, "return-notice");
        String text = pdfText(notice);
        assertThat(text).contains("退回通知", "示例市市场监督管理局", Samples.CASE_NUMBER, "张**：", "食品经营许可证核发（新办）",
                "因以下原因予以退回", "1经营场所平面图未标明设备布局和操作流程", "2食品安全管理制度文本未加盖公章",
                "办理部门意见：请补齐盖章材料后重新申报", "重新申报", "0571-12345678", "2025年3月21日")
                .doesNotContain("${", "null");
        String receipt = receiptText(templates.fill(Samples.returned(null)));
        assertThat(receipt).contains("退回通知", "食品安全管理制度文本未加盖公章", "重新申报")
                .doesNotContain("办理部门意见", "${", "null");
    }

    @Test
    void deferralCommitmentSaysWhatIsDeferredByWhenWhatIfNotAndTheAcceptance() {
        Document commitment = templates.fill(Samples.commitment(5));
        keep(commitment, "deferral-commitment");
        String text = receiptText(commitment);
        assertThat(text).contains("容缺受理承诺书", Samples.CASE_NUMBER, "食品经营许可证核发（新办）", "张**",
                "经营场所使用证明", "食品安全管理制度文本", "补交期限：5个工作日内", "最迟补交：2025年3月25日（含当日）",
                "逾期未补交的，本次申请视为撤回", "2025年3月18日 09:41", "承诺文本版本：RQCN-2026.1", "已在自助终端阅读并确认接受")
                .doesNotContain(Samples.APPLICANT, "${", "null");
        assertThat(qrs(commitment)).containsExactly(Samples.QUERY_URL);
        String again = receiptText(templates.fill(Samples.commitment(null)));
        assertThat(again).contains("最迟补交：2025年3月25日").doesNotContain("补交期限：", "null");
    }

    @Test
    void aJointCasesReceiptNamesTheLeadAndTheJointDepartmentsAndOnlyItDoes() {
        Document joint = templates.fill(Samples.jointReceipt());
        keep(joint, "acceptance-receipt-joint");
        assertThat(receiptText(joint)).contains("受理回执", "牵头部门：示例市公安局",
                "联办部门：示例市卫生健康委员会、示例市医疗保障局、示例市人力资源和社会保障局", "本事项为联办件")
                .doesNotContain("${", "null");
        assertThat(pdfText(joint)).contains("牵头部门", "示例市公安局", "联办部门", "示例市医疗保障局");
        assertThat(receiptText(templates.fill(Samples.receipt()))).contains("受理回执")
                .doesNotContain("牵头部门", "联办部门", "联办件");
    }

    @Test
    void everyNewTemplateRendersOnBothMediaWithNothingLeftOpen() {
        for (TemplateData data : List.<TemplateData>of(Samples.submissionSlip(Samples.CASE_NUMBER, false),
                Samples.submissionSlip(null, false), Samples.submissionSlip(null, true),
                Samples.supplementSlip("法定代表人身份证明", SupplementSlipData.Delivery.RECEIVED),
                Samples.supplementSlip(null, SupplementSlipData.Delivery.WAITING), Samples.testPage(null),
                Samples.testPage("usb"), Samples.returned("请补齐盖章材料后重新申报"), Samples.returned(null),
                Samples.commitment(5), Samples.commitment(null), Samples.jointReceipt())) {
            Document d = templates.fill(data);
            byte[] bytes = escPos.render(d);
            assertThat(bytes).as(d.templateId()).isNotEmpty();
            for (String text : List.of(receiptText(d), pdfText(d))) {
                assertThat(text).as(d.templateId()).doesNotContain("${", "null");
            }
        }
    }

    /** The PDF to {@code target/papers/NAME.pdf}, for a person to look at (pdftoppm); not asserted. */
    static void keep(Document d, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "papers"));
            java.nio.file.Files.write(dir.resolve(name + ".pdf"), new PdfRenderer(Samples.font()).render(d));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String receiptText(Document d) {
        // lines stripped and joined: a text wrapped over two receipt lines still reads as one
        return EscPosReader.lines(EscPosReader.read(escPos.render(d))).stream().map(String::strip)
                .collect(java.util.stream.Collectors.joining());
    }

    private static String pdfText(Document d) {
        return PdfInspection.text(new PdfRenderer(Samples.font()).render(d)).replaceAll("\\s+", "");
    }

    private static List<String> qrs(Document d) {
        return d.blocks().stream().filter(b -> b instanceof Block.Qr).map(b -> ((Block.Qr) b).payload()).toList();
    }
}
