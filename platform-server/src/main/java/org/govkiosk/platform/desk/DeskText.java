package org.govkiosk.platform.desk;

import java.util.Locale;
import org.govkiosk.platform.http.PageLanguage;
import java.util.Map;
import org.govkiosk.api.CaseKind;
import org.govkiosk.api.CaseState;
import org.govkiosk.api.LedgerState;
import org.govkiosk.api.Material;

/**
 * The clerk desk's words in Chinese (first) and English, as the fleet page keeps its own: a page is in one
 * language, chosen by {@code ?lang=} or else by Accept-Language, with a link to the other. Every key exists in both
 * ({@code DeskTextTest}).
 */
enum DeskText {
    ZH("zh-CN", "English", "en"),
    EN("en", "中文", "zh");

    private final String htmlLang;
    private final String otherName;
    private final String otherParam;

    DeskText(String htmlLang, String otherName, String otherParam) {
        this.htmlLang = htmlLang;
        this.otherName = otherName;
        this.otherParam = otherParam;
    }

    /** {@code ?lang=} (or the form's lang) wins; else English for a browser that prefers it (PageLanguage); else Chinese. */
    static DeskText choose(String param, String acceptLanguage) {
        return PageLanguage.choose(param, acceptLanguage) == PageLanguage.EN ? EN : ZH;
    }

    String htmlLang() {
        return htmlLang;
    }

    String param() {
        return this == ZH ? "zh" : "en";
    }

    String otherName() {
        return otherName;
    }

    String otherParam() {
        return otherParam;
    }

    String otherHtmlLang() {
        return this == ZH ? EN.htmlLang : ZH.htmlLang;
    }

    String get(String key) {
        String[] both = WORDS.get(key);
        if (both == null) {
            throw new IllegalArgumentException("no desk text '" + key + "'");
        }
        return both[ordinal()];
    }

    String format(String key, Object... args) {
        return String.format(Locale.ROOT, get(key), args);
    }

    String state(CaseState s) {
        return this == ZH ? s.label() : get("state." + s.name());
    }

    String kind(CaseKind k) {
        return k == null ? "" : this == ZH ? k.label() : get("kind." + k.name());
    }

    String ledgerState(LedgerState s) {
        return get("ledger." + s.name());
    }

    String material(Material.Status s) {
        return get("material." + s.name());
    }

    static java.util.Set<String> keys() {
        return WORDS.keySet();
    }

    private static final Map<String, String[]> WORDS = Map.ofEntries(
            w("title", "办件工作台", "Case desk"),
            w("loginTitle", "登录", "Sign in"),
            w("signInNeeded", "请用您的工作人员账号登录，登录后回到办件工作台。", "Please sign in with your staff account; you come back to the case desk afterwards."),
            w("signInLink", "用工作人员账号登录", "Sign in with your staff account"),
            w("roleRefused", "您的角色不使用办件工作台（窗口人员、大厅管理员和督查人员使用）。", "Your role does not use the case desk (clerks, hall administrators and supervisors do)."),
            w("staffHome", "我的账号", "My account"),
            w("lockedOut", "错误次数过多，请 %d 秒后再试。", "Too many wrong sign-ins. Try again in %d seconds."),
            w("window", "窗口编号", "Window"),
            w("myWindow", "我的窗口", "My window"),
            w("saveWindow", "保存窗口", "Save window"),
            w("done.window", "已记下您的窗口。", "Your window is noted."),
            w("err.window", "窗口编号至多 %d 个字，不含分号、逗号和引号。", "A window is at most %d characters, without semicolons, commas or quotes."),
            w("unavailable", "平台数据库暂时无法访问，请稍后再试。", "The platform's storage is unavailable. Try again shortly."),
            w("retry", "重试", "Try again"),
            w("signedInAs", "当前：%s", "Signed in: %s"),
            w("atWindow", "窗口 %s", "window %s"),
            w("ledgerLink", "回访整改台账", "Bad-rating ledger"),
            w("queueLink", "办件队列", "Case queue"),
            w("queue", "办件队列", "Case queue"),
            w("filters", "筛选办件", "Filter cases"),
            w("hall", "大厅", "Hall"),
            w("allHalls", "全部大厅", "All halls"),
            w("stateFilter", "状态", "State"),
            w("allStates", "全部状态", "All states"),
            w("overdueOnly", "仅超期", "Overdue only"),
            w("deferralOverdueOnly", "仅容缺超期", "Deferred materials overdue"),
            w("search", "办件编号", "Case number"),
            w("apply", "筛选", "Apply"),
            w("shown", "共 %d 件", "%d case(s)"),
            w("ledgerShown", "共 %d 条差评", "%d bad rating(s)"),
            w("skip", "跳到正文", "Skip to content"),
            w("colon", "：", ": "),
            w("queueChanged", "队列有更新。", "The queue has changed."),
            w("reloadQueue", "刷新队列", "Load the queue again"),
            w("noCases", "没有符合条件的办件。", "No case matches."),
            w("col.number", "办件编号", "Case number"),
            w("col.item", "事项", "Item"),
            w("col.applicant", "申请人", "Applicant"),
            w("col.state", "状态", "State"),
            w("col.promised", "承诺日期", "Promised"),
            w("overdue", "超期", "Overdue"),
            w("deferralOverdue", "容缺超期", "Deferral overdue"),
            w("pickCase", "在队列中选择一个办件查看详情。", "Pick a case in the queue to see it."),
            w("backToQueue", "返回队列", "Back to the queue"),
            w("caseTitle", "办件 %s", "Case %s"),
            w("noSuchCase", "没有这个办件：%s", "No case %s"),
            w("f.item", "事项", "Item"),
            w("f.kind", "办件类型", "Kind"),
            w("f.state", "状态", "State"),
            w("f.applicant", "申请人", "Applicant"),
            w("f.id", "证件号码", "ID number"),
            w("f.phone", "联系电话", "Phone"),
            w("f.submitted", "申报时间", "Submitted"),
            w("f.promised", "承诺日期", "Promised by"),
            w("f.terminal", "申报终端", "Terminal"),
            w("f.hall", "大厅", "Hall"),
            w("f.note", "说明", "Note"),
            w("materials", "申请材料", "Materials"),
            w("noMaterials", "未提交材料清单。", "No list of materials."),
            w("missing", "待补正材料", "Materials asked for (补正)"),
            w("deferral", "容缺受理", "Deferred materials (容缺)"),
            w("deferralDue", "承诺补交期限 %s", "Due by %s"),
            w("deferralReceived", "已收到 %s", "Received %s"),
            w("refusal", "不予受理", "Not accepted"),
            w("returned", "退回件", "Returned"),
            w("history", "办理记录", "History"),
            w("actions", "办理", "Actions"),
            w("noActions", "此办件已办结，无可办理的操作。", "Nothing more to do on this case."),
            w("confirm", "我已核对，确认办理（不可撤销）", "I have checked this; go ahead (cannot be undone)"),
            w("a.accept", "受理", "Accept"),
            w("a.acceptHint", "材料齐全，受理此办件。", "The materials are complete: accept the case."),
            w("a.supplement", "一次性告知补正", "Ask for 补正 (one-time notice)"),
            w("a.supplementHint", "勾选需补正的材料，申请人可在任一终端补交。", "Tick the materials to hand in; the applicant can bring them to any terminal."),
            w("a.supplementNote", "补充说明（可选）", "More words (optional)"),
            w("a.review", "转入审核", "Start review"),
            w("a.approve", "审核通过，办结", "Approve (办结)"),
            w("a.approveNote", "办结意见（可选）", "Decision note (optional)"),
            w("a.refuse", "不予受理", "Refuse (不予受理)"),
            w("a.reason", "不予受理理由", "Reason"),
            w("a.department", "部门", "Department"),
            w("a.legalBasis", "法律依据", "Legal basis"),
            w("a.reviewAuthority", "行政复议机关", "Administrative review body"),
            w("a.court", "行政诉讼法院", "Court for a lawsuit"),
            w("a.noticeNumber", "通知书编号（可选）", "Notice number (optional)"),
            w("a.return", "退回", "Return (退回件)"),
            w("a.reasons", "退回理由（每行一条）", "Reasons (one a line)"),
            w("a.nextSteps", "申请人下一步（可选）", "What the applicant can do next (optional)"),
            w("a.deferred", "容缺材料已收到", "Deferred materials received"),
            w("a.issue", "出证", "Issue the certificate"),
            w("a.channel", "出证方式", "Handed out"),
            w("a.channel.WINDOW", "综合出证窗口", "At the issuing window"),
            w("a.channel.EXPRESS_POST", "邮寄", "By express post"),
            w("a.noCertificate", "平台上还没有此办件的证照文件：请上传证照 PDF（或由业务系统上传）后再出证。", "The platform has no certificate file for this case yet: upload its PDF (or have the business system attach it), then issue it."),
            w("a.certificate", "上传证照文件", "Upload the certificate"),
            w("a.pdf", "证照文件（PDF）", "Certificate file (PDF)"),
            w("done.certificate", "证照文件已上传，可以出证。", "Certificate file attached: it can be issued now."),
            w("err.notPdf", "请选择证照的 PDF 文件（文件须以 %PDF- 开头）。", "Choose the certificate's PDF file (it must begin with %PDF-)."),
            w("a.rating", "请评价器评价", "Ask the window's pad for a rating"),
            w("a.sequence", "服务序号", "Service sequence"),
            w("a.submit", "提交", "Submit"),
            w("done.accept", "已受理。", "Accepted."),
            w("done.supplement", "已发出补正告知，申请人可在终端补交所列材料。", "补正 asked: the applicant can hand in the named materials at a terminal."),
            w("done.review", "已转入审核。", "Under review now."),
            w("done.approve", "已办结。", "Approved and finished."),
            w("done.refuse", "已作出不予受理决定。", "Refused (不予受理)."),
            w("done.return", "已退回。", "Returned."),
            w("done.deferred", "已记录容缺材料收到。", "Deferred materials recorded as received."),
            w("done.issue", "已出证。", "Certificate issued."),
            w("done.rating", "已请评价器评价：%d 台评价器收到。", "Rating asked: %d pad(s) reached."),
            w("done.ledger", "台账已更新。", "Ledger updated."),
            w("err.csrf", "表单已过期或来源不明，未办理。请刷新页面后重试。", "The form is stale or came from elsewhere: nothing was done. Reload the page and try again."),
            w("err.confirm", "请勾选确认后再提交：此操作不可撤销。", "Tick the confirmation first: this cannot be undone."),
            w("err.required", "请填写：%s", "Please fill in: %s"),
            w("err.pickMaterial", "请至少勾选一项材料，或写明需补正的内容。", "Tick at least one material, or write what is missing."),
            w("err.conflict", "未办理：%s", "Not done: %s"),
            w("err.invalid", "填写有误：%s", "Something is wrong in the form: %s"),
            w("err.forbidden", "您无权在此大厅办理此操作。", "You may not do this in this hall."),
            w("err.notFound", "未找到：%s", "Not found: %s"),
            w("err.tooLarge", "提交的内容过长。", "What was sent is too long."),
            w("err.unknownAction", "没有这个操作。", "No such action."),
            w("ledgerTitle", "回访整改台账", "Bad-rating ledger"),
            w("ledgerAll", "全部", "All"),
            w("ledgerOverdue", "仅超期", "Overdue only"),
            w("ledgerEmpty", "台账上没有差评。", "No bad rating on the ledger."),
            w("l.level", "评价等级", "Level"),
            w("l.case", "办件编号", "Case"),
            w("l.anonymous", "不公开评价", "Anonymous"),
            w("l.received", "收到", "Received"),
            w("l.deadline", "整改期限", "Deadline"),
            w("l.owner", "责任", "Owner"),
            w("l.calledBack", "回访", "Called back"),
            w("l.outcome", "整改结果", "Outcome"),
            w("l.window", "窗口/工作人员", "Window / clerk"),
            w("l.assign", "指派", "Assign"),
            w("l.ownerDepartment", "责任部门", "Department"),
            w("l.ownerClerk", "责任人", "Clerk"),
            w("l.callBack", "记录回访", "Record the call-back"),
            w("l.citizenSaid", "群众意见", "What the citizen said"),
            w("l.extend", "延期", "Extend"),
            w("l.newDeadline", "新期限", "New deadline"),
            w("l.reason", "延期理由", "Reason"),
            w("l.close", "办结", "Close"),
            w("l.rectification", "整改措施", "Rectification"),
            w("l.outcomeField", "整改结果（告知群众）", "Outcome (told to the citizen)"),
            w("l.citizenSaidOptional", "群众意见（未回访时填写）", "What the citizen said (if not called back yet)"),
            w("ledger.OPEN", "待回访", "Open"),
            w("ledger.CALLED_BACK", "已回访", "Called back"),
            w("ledger.CLOSED", "已办结", "Closed"),
            w("level.1", "非常不满意", "Very dissatisfied"),
            w("level.2", "不满意", "Dissatisfied"),
            w("material.PROVIDED", "已提交", "Provided"),
            w("material.MISSING", "缺", "Missing"),
            w("material.WAIVED_BY_COMMITMENT", "容缺（告知承诺）", "Deferred (commitment)"),
            w("state.SUBMITTED", "", "Submitted"),
            w("state.ACCEPTED", "", "Accepted"),
            w("state.NOT_ACCEPTED", "", "Not accepted"),
            w("state.NEEDS_SUPPLEMENT", "", "Awaiting 补正"),
            w("state.IN_REVIEW", "", "In review"),
            w("state.COMPLETED", "", "Finished"),
            w("state.CERTIFICATE_ISSUED", "", "Certificate issued"),
            w("state.RETURNED", "", "Returned"),
            w("kind.IMMEDIATE", "", "On the spot (即办件)"),
            w("kind.PROMISED", "", "Promised (承诺件)"),
            w("kind.JOINT", "", "Joint (联办件)"),
            w("kind.SUPPLEMENT", "", "Supplement (补办件)"),
            w("kind.RETURNED", "", "Returned (退回件)"));

    private static Map.Entry<String, String[]> w(String key, String zh, String en) {
        return Map.entry(key, new String[] {zh, en});
    }
}
