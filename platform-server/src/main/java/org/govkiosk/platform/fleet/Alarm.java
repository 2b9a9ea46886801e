package org.govkiosk.platform.fleet;

/**
 * One thing a technician should look at on a terminal.
 *
 * @param deviceId the device concerned; null for the terminal itself
 * @param detail   what the terminal reported (a status detail, an age), shown beside the label; may be null
 */
public record Alarm(Kind kind, String deviceId, String detail) {

    /** How soon someone must go: a citizen is (or is about to be) turned away, or it can wait for the round. */
    public enum Severity { CRITICAL, WARNING }

    /** What is wrong, with its label in Chinese first and English. */
    public enum Kind {
        NO_HEARTBEAT_YET(Severity.WARNING, "尚未收到心跳", "No heartbeat yet"),
        TERMINAL_OFFLINE(Severity.CRITICAL, "终端失联", "Terminal offline (heartbeats missed)"),
        AUDIT_TAMPERED(Severity.CRITICAL, "审计日志被截断或改写", "Audit log cut or rewritten"),
        PAPER_OUT(Severity.CRITICAL, "缺纸", "Paper out"),
        COVER_OPEN(Severity.CRITICAL, "纸仓盖打开", "Cover open"),
        PAPER_JAM(Severity.CRITICAL, "卡纸", "Paper jam"),
        DEVICE_OFFLINE(Severity.CRITICAL, "设备离线", "Device offline"),
        PAPER_NEAR_END(Severity.WARNING, "纸将用尽", "Paper near end"),
        DEVICE_DEGRADED(Severity.WARNING, "设备降级", "Device degraded"),
        OUTBOX_BACKLOG(Severity.WARNING, "待发数据积压", "Outbox backlog old");

        private final Severity severity;
        private final String zh;
        private final String en;

        Kind(Severity severity, String zh, String en) {
            this.severity = severity;
            this.zh = zh;
            this.en = en;
        }

        public Severity severity() {
            return severity;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    public Severity severity() {
        return kind.severity();
    }
}
