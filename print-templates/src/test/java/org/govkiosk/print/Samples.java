package org.govkiosk.print;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.govkiosk.print.data.AcceptanceReceiptData;
import org.govkiosk.print.data.CompletionCertificateData;
import org.govkiosk.print.data.DeferralCommitmentData;
import org.govkiosk.print.data.DeferredMaterial;
import org.govkiosk.print.data.MaskedText;
import org.govkiosk.print.data.MissingMaterial;
import org.govkiosk.print.data.NonAcceptanceNoticeData;
import org.govkiosk.print.data.OneTimeNotificationData;
import org.govkiosk.print.data.PrinterTestPageData;
import org.govkiosk.print.data.QueueSlipData;
import org.govkiosk.print.data.ReturnNoticeData;
import org.govkiosk.print.data.ReturnReason;
import org.govkiosk.print.data.SubmissionSlipData;
import org.govkiosk.print.data.SupplementSlipData;
import org.govkiosk.print.model.ImageData;
import org.govkiosk.print.pdf.CjkFont;
import org.govkiosk.print.pdf.FontLocator;
import org.govkiosk.print.pdf.FontNotFoundException;
import org.govkiosk.print.template.TemplateRepository;
import org.govkiosk.print.verify.CertificatePayload;
import org.govkiosk.print.verify.CertificateSigner;
import org.govkiosk.print.verify.SigningKeyTool;

/** Data as a terminal would fill it, and the shipped templates, for tests. */
public final class Samples {

    public static final String APPLICANT = "张三丰";
    public static final String ID_NUMBER = "11010519491231002X";
    public static final String CASE_NUMBER = "11010500000000120250318000123";
    public static final String QUERY_URL = "https://zwfw.example.gov.cn/progress?case=" + CASE_NUMBER;

    private Samples() {
    }

    public static Path templatesDir() {
        String dir = System.getProperty("govkiosk.templates.dir", "../config/templates");
        return Path.of(dir);
    }

    public static TemplateRepository templates() {
        return TemplateRepository.load(templatesDir());
    }

    /** The system CJK font; tests that draw PDFs skip, saying what to install, on a machine without one. */
    public static CjkFont font() {
        try {
            return CjkFont.shared(FontLocator.system());
        } catch (FontNotFoundException e) {
            assumeTrue(false, "no CJK font on this machine: " + e.getMessage());
            throw e;
        }
    }

    public static ImageData seal() {
        return ImageData.read(templatesDir().resolve("demo-seal.png"));
    }

    public static AcceptanceReceiptData receipt() {
        return new AcceptanceReceiptData("示例市政务服务中心", CASE_NUMBER, "食品经营许可证核发（新办）",
                MaskedText.name(APPLICANT), MaskedText.idNumber(ID_NUMBER),
                LocalDateTime.of(2025, 3, 18, 9, 42), LocalDate.of(2025, 3, 28), QUERY_URL,
                "示例市人民大道88号市民中心一楼", "0571-12345678", "ZZ-0031");
    }

    /** The receipt of a 联办件: the lead department and the joint ones. */
    public static AcceptanceReceiptData jointReceipt() {
        AcceptanceReceiptData r = receipt();
        return new AcceptanceReceiptData(r.hallName(), r.caseNumber(), "新生儿出生“一件事”联办", r.applicantName(),
                r.applicantIdNumber(), r.acceptedAt(), r.promisedDate(), r.progressQueryUrl(), r.hallAddress(),
                r.hallPhone(), r.terminalId(), null, "示例市公安局", "示例市卫生健康委员会、示例市医疗保障局、示例市人力资源和社会保障局");
    }

    public static OneTimeNotificationData notification(List<MissingMaterial> materials) {
        return new OneTimeNotificationData("示例市市场监督管理局", "示市监补〔2025〕第0318号", APPLICANT,
                CASE_NUMBER, "食品经营许可证核发（新办）", LocalDate.of(2025, 3, 18), materials, 5, LocalDate.of(2025, 3, 25),
                "示例市人民大道88号市民中心二楼B区", "0571-12345678", LocalDate.of(2025, 3, 18));
    }

    public static List<MissingMaterial> materials() {
        return List.of(
                new MissingMaterial("经营场所平面图", "标明设备布局、操作流程，A4纸打印，申请人签字，原件1份"),
                new MissingMaterial("食品安全管理制度文本", "包括从业人员健康管理、进货查验记录等制度，加盖公章"),
                new MissingMaterial("法定代表人身份证明", "身份证复印件1份，须与原件核对一致"));
    }

    public static NonAcceptanceNoticeData refusal() {
        return new NonAcceptanceNoticeData("示例市市场监督管理局", "示市监不受〔2025〕第0042号", APPLICANT,
                CASE_NUMBER, "食品经营许可证核发（新办）", LocalDate.of(2025, 3, 18),
                "所申请事项依法不属于本机关职权范围（仅销售预包装食品的，实行备案管理）",
                "《中华人民共和国行政许可法》第三十二条第一款第（二）项", "示例市人民政府",
                "示例市西湖区人民法院", "0571-12345678", LocalDate.of(2025, 3, 18), seal());
    }

    /** 退回通知 with two reasons; {@code nextSteps} as the department gives it, or null. */
    public static ReturnNoticeData returned(String nextSteps) {
        return new ReturnNoticeData("示例市市场监督管理局", "张**", CASE_NUMBER, "食品经营许可证核发（新办）",
                LocalDate.of(2025, 3, 18), List.of(new ReturnReason("经营场所平面图未标明设备布局和操作流程"),
                        new ReturnReason("食品安全管理制度文本未加盖公章")), nextSteps,
                "示例市人民大道88号市民中心二楼B区", "0571-12345678", LocalDate.of(2025, 3, 21));
    }

    /** 容缺受理承诺书 of two deferred materials; {@code days} as known at the application, or null (办件查询). */
    public static DeferralCommitmentData commitment(Integer days) {
        return new DeferralCommitmentData("示例市政务服务中心", "示例市市场监督管理局", CASE_NUMBER, "食品经营许可证核发（新办）",
                MaskedText.name(APPLICANT), List.of(new DeferredMaterial("经营场所使用证明"),
                        new DeferredMaterial("食品安全管理制度文本")), days, LocalDate.of(2025, 3, 25),
                LocalDateTime.of(2025, 3, 18, 9, 41), "RQCN-2026.1", "0571-12345678", QUERY_URL);
    }

    public static CertificatePayload payload() {
        return new CertificatePayload("BJZM202503280007", CASE_NUMBER, "11330100002501234A",
                MaskedText.idNumber(ID_NUMBER), LocalDate.of(2025, 3, 28));
    }

    public static CompletionCertificateData certificate(CertificateSigner signer) {
        CertificatePayload p = payload();
        return new CompletionCertificateData("示例市市场监督管理局", p.certificateNumber(), p.caseNumber(),
                "食品经营许可证核发（新办）", p.itemCode(), APPLICANT, p.holderIdNumber(),
                LocalDate.of(2025, 3, 18), p.completedOn(), "准予许可，许可证编号JY13301000012345",
                signer.sign(p), LocalDate.of(2025, 3, 28), seal());
    }

    public static QueueSlipData queueSlip() {
        return new QueueSlipData("示例市政务服务中心", "A027", "市场准入综合窗口", 6,
                LocalDateTime.of(2025, 3, 18, 9, 5), "ZZ-0031");
    }

    /** The submission slip; {@code caseNumber} null while the platform has given none. */
    public static SubmissionSlipData submissionSlip(String caseNumber, boolean refused) {
        return SubmissionSlipData.of("示例市政务服务中心", caseNumber, "3F9A2C71", "食品经营许可证核发（新办）",
                MaskedText.name(APPLICANT), MaskedText.idNumber(ID_NUMBER), "2025-03-18 09:42",
                caseNumber == null ? null : "https://zwfw.example.gov.cn/progress?case=" + caseNumber,
                "示例市人民大道88号市民中心一楼", "0571-12345678", "ZZ-0031", refused);
    }

    /** The supplement slip; {@code stillMissing} null when nothing is missing any more. */
    public static SupplementSlipData supplementSlip(String stillMissing, SupplementSlipData.Delivery delivery) {
        return SupplementSlipData.of("示例市政务服务中心", CASE_NUMBER, "食品经营许可证核发（新办）",
                MaskedText.name(APPLICANT), MaskedText.idNumber(ID_NUMBER), "经营场所平面图、食品安全管理制度文本",
                "2025-03-20 14:05", stillMissing, 5, LocalDate.of(2025, 3, 27), QUERY_URL, "示例市人民大道88号市民中心一楼", "0571-12345678",
                "ZZ-0031", delivery);
    }

    public static PrinterTestPageData testPage(String link) {
        return new PrinterTestPageData("ZZ-0031", "receipt-1", "receipt-printer / generic-escpos", link,
                "2025-03-18 08:00:00", "diag-test-1742256000000");
    }

    public static KeyPair keyPair(String algorithm) {
        try {
            return SigningKeyTool.generate(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}
