package org.govkiosk.platform.fleet;

import java.util.Map;
import org.govkiosk.platform.http.PageLanguage;

/**
 * The fleet page's words in Chinese (first) and English. A page is in one language, chosen by {@code ?lang=} or
 * else by the browser's Accept-Language, with a link to the other; every key exists in both, which
 * {@code FleetTextTest} holds.
 */
enum FleetText {
    ZH("zh-CN", "English", "en"),
    EN("en", "中文", "zh");

    private final String htmlLang;
    private final String otherName;
    private final String otherParam;

    FleetText(String htmlLang, String otherName, String otherParam) {
        this.htmlLang = htmlLang;
        this.otherName = otherName;
        this.otherParam = otherParam;
    }

    /** {@code ?lang=} wins; else English only for a browser that prefers it over Chinese; else Chinese. */
    static FleetText choose(String param, String acceptLanguage) {
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
            throw new IllegalArgumentException("no fleet page text '" + key + "'");
        }
        return both[ordinal()];
    }

    String alarm(Alarm.Kind kind) {
        return this == ZH ? kind.zh() : kind.en();
    }

    /** An age such as "3 min" / "3 分钟"; under a minute it is "under 1 min", so a quiet card does not change. */
    String age(java.time.Duration d) {
        long s = Math.max(0, d.toSeconds());
        boolean zh = this == ZH;
        if (s < 60) {
            return zh ? "不到 1 分钟" : "under 1 min";
        }
        if (s < 3600) {
            return s / 60 + (zh ? " 分钟" : " min");
        }
        if (s < 86_400) {
            return s / 3600 + (zh ? " 小时 " : " h ") + (s % 3600) / 60 + (zh ? " 分钟" : " min");
        }
        return s / 86_400 + (zh ? " 天 " : " d ") + (s % 86_400) / 3600 + (zh ? " 小时" : " h");
    }

    static final Map<String, String[]> WORDS = Map.ofEntries(
            Map.entry("title", new String[] {"终端运行概览", "Terminal fleet"}),
            Map.entry("logout", new String[] {"退出登录", "Log out"}),
            Map.entry("summary", new String[] {"终端 %d 台 · 有告警 %d 台 · 失联 %d 台",
                "%d terminals · %d with alarms · %d not heard from"}),
            Map.entry("asOf", new String[] {"更新于", "As of"}),
            Map.entry("live", new String[] {"实时更新中", "Live updates on"}),
            Map.entry("paused", new String[] {"已暂停更新", "Updates paused"}),
            Map.entry("pause", new String[] {"暂停更新", "Pause updates"}),
            Map.entry("resume", new String[] {"继续更新", "Resume updates"}),
            Map.entry("reconnecting", new String[] {"连接中断，正在重连…", "Connection lost, reconnecting…"}),
            Map.entry("filters", new String[] {"筛选", "Filter"}),
            Map.entry("hall", new String[] {"大厅", "Hall"}),
            Map.entry("allHalls", new String[] {"全部大厅", "All halls"}),
            Map.entry("alarm", new String[] {"告警", "Alarm"}),
            Map.entry("allTerminals", new String[] {"全部终端", "All terminals"}),
            Map.entry("anyAlarm", new String[] {"有告警的", "Any alarm"}),
            Map.entry("criticalOnly", new String[] {"仅紧急", "Critical only"}),
            Map.entry("apply", new String[] {"应用筛选", "Apply"}),
            Map.entry("shown", new String[] {"显示 %d / %d 台", "Showing %d of %d"}),
            Map.entry("empty", new String[] {"尚无终端注册。", "No terminal has registered yet."}),
            Map.entry("noneMatch", new String[] {"没有符合筛选条件的终端。", "No terminal matches the filter."}),
            Map.entry("critical", new String[] {"紧急", "Critical"}),
            Map.entry("warning", new String[] {"注意", "Warning"}),
            Map.entry("noAlarm", new String[] {"无告警", "No alarm"}),
            Map.entry("live.LIVE", new String[] {"在线", "Online"}),
            Map.entry("live.STALE", new String[] {"失联", "Offline"}),
            Map.entry("live.NEVER", new String[] {"无心跳", "Never heard"}),
            Map.entry("lastHeartbeat", new String[] {"最近心跳", "Last heartbeat"}),
            Map.entry("ago", new String[] {"%s前", "%s ago"}),
            Map.entry("never", new String[] {"从未收到", "never"}),
            Map.entry("outbox", new String[] {"待发数据", "Outbox"}),
            Map.entry("outboxPending", new String[] {"%d 条待发", "%d waiting"}),
            Map.entry("outboxOldest", new String[] {"最早一条已等 %s", "oldest waiting %s"}),
            Map.entry("version", new String[] {"软件版本", "Software"}),
            Map.entry("uptime", new String[] {"已运行", "Up for"}),
            Map.entry("devices", new String[] {"设备", "Devices"}),
            Map.entry("noDevices", new String[] {"未报告设备", "No devices reported"}),
            Map.entry("nextSteps", new String[] {"下一步（运维命令）", "Next steps (technician's commands)"}),
            Map.entry("onTerminal", new String[] {"在终端上通过 SSH 执行：", "Run on the terminal over SSH:"}),
            Map.entry("copy", new String[] {"复制", "Copy"}),
            Map.entry("copied", new String[] {"已复制", "Copied"}),
            Map.entry("logs", new String[] {"日志：平台不保存终端日志，请在终端上查看：",
                "Logs: the platform keeps no terminal logs; read them on the terminal:"}),
            Map.entry("stopFirst", new String[] {"探测设备前先停止终端服务（它占用端口），完成后再启动：",
                "Stop the terminal service before probing a device (it holds the port), start it again after:"}),
            Map.entry("signInTitle", new String[] {"请登录", "Please sign in"}),
            Map.entry("signInText", new String[] {"终端运行状态页面供运维人员、督查人员和大厅管理员使用，请用本人账号登录。",
                "The fleet page is for technicians, supervisors and hall administrators: sign in with your own account."}),
            Map.entry("signInLink", new String[] {"前往登录", "Go to sign-in"}),
            Map.entry("roleRefused", new String[] {"您的角色无权查看终端运行状态。", "Your role may not see the fleet."}),
            Map.entry("lockedOut", new String[] {"错误次数过多，请 %d 秒后再试。",
                "Too many wrong attempts: try again in %d s."}),
            Map.entry("unavailable", new String[] {"平台存储暂不可用。", "The platform's storage is unavailable."}),
            Map.entry("retry", new String[] {"重试", "Try again"}),
            Map.entry("device.status.ONLINE", new String[] {"正常", "online"}),
            Map.entry("device.status.DEGRADED", new String[] {"降级", "degraded"}),
            Map.entry("device.status.OFFLINE", new String[] {"离线", "offline"}),
            Map.entry("device.status.DISABLED", new String[] {"已停用", "disabled"}),
            Map.entry("device.status.INITIALIZING", new String[] {"启动中", "starting"}),
            Map.entry("device.status.UNINITIALIZED", new String[] {"未启动", "not started"}),
            Map.entry("device.family.ID_CARD_READER", new String[] {"身份证阅读器", "ID card reader"}),
            Map.entry("device.family.SMART_CARD_READER", new String[] {"社保卡读卡器", "Smart card reader"}),
            Map.entry("device.family.QR_SCANNER", new String[] {"扫码器", "QR scanner"}),
            Map.entry("device.family.RECEIPT_PRINTER", new String[] {"凭条打印机", "Receipt printer"}),
            Map.entry("device.family.DOCUMENT_PRINTER", new String[] {"A4 打印机", "A4 printer"}),
            Map.entry("device.family.RATING_PAD", new String[] {"评价器", "Rating pad"}));

    /** A device status in words where we know it; else as the terminal sent it. */
    String deviceStatus(String status) {
        String[] both = WORDS.get("device.status." + status);
        return both == null ? status : both[ordinal()];
    }

    /** A device family in words where we know it; else as the terminal sent it. */
    String deviceFamily(String family) {
        String[] both = WORDS.get("device.family." + family);
        return both == null ? family : both[ordinal()];
    }
}
