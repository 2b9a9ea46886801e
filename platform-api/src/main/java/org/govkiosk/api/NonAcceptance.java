package org.govkiosk.api;

/**
 * What a department's 不予受理 decision says beyond its reason (the case's note): the legal basis, and where the
 * applicant may seek administrative review (行政复议, within 60 days) or sue (行政诉讼, within 6 months). The terminal
 * prints the 不予受理通知书 from it, when the case is refused and again from 办件查询.
 *
 * @param department      the department that decided, as the notice names it (e.g. 示例市市场监督管理局)
 * @param legalBasis      the provision the refusal rests on, e.g. 《中华人民共和国行政许可法》第三十二条第一款第（二）项
 * @param reviewAuthority where 行政复议 is sought, e.g. 示例市人民政府
 * @param court           where 行政诉讼 is brought, e.g. 示例市西湖区人民法院
 * @param noticeNumber    the notice's number (文号), if the department gives one
 */
public record NonAcceptance(String department, String legalBasis, String reviewAuthority, String court, String noticeNumber) {

    public NonAcceptance {
        Check.text(department, "department", 200);
        Check.text(legalBasis, "legalBasis", 500);
        Check.text(reviewAuthority, "reviewAuthority", 200);
        Check.text(court, "court", 200);
        Check.optionalText(noticeNumber, "noticeNumber", 100);
    }
}
