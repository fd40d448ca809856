//! Themes, exports and printing.

use super::Part;

pub const PART: Part = part![
    // Theme switch
    ("Theme", "主题", "Tema"),
    ("System", "跟随系统", "Sistema"),
    ("Light", "浅色", "Claro"),
    ("Dark", "深色", "Escuro"),
    // The exported timeline (SVG and PNG)
    ("Renewal Lab timeline: {0}", "Renewal Lab 时间线：{0}", "Linha do tempo do Renewal Lab: {0}"),
    (
        "{0} → {1} · times in {2} · clock {3} · scenario tier {4}",
        "{0} → {1} · 时间为 {2} · 时钟 {3} · 场景等级 {4}",
        "{0} → {1} · horários em {2} · relógio {3} · nível do cenário {4}",
    ),
    ("available", "可用", "disponível"),
    ("expired", "已过期", "expirado"),
    ("frozen", "已冻结", "congelado"),
    ("released", "已释放", "liberado"),
    ("auto-renew paid", "自动续费成功", "renovação automática paga"),
    ("auto-renew failed", "自动续费失败", "renovação automática falhou"),
    ("renewed by hand", "手动续费", "renovado manualmente"),
    ("top-up", "充值", "recarga"),
    ("act refused", "操作被拒绝", "ação recusada"),
    ("scenario tier", "场景等级", "nível do cenário"),
    ("package", "包年/包月", "pacote"),
    ("pay-per-use", "按需计费", "pago por uso"),
    // Export buttons and their notices
    ("Export and print", "导出与打印", "Exportar e imprimir"),
    ("Export CSV", "导出 CSV", "Exportar CSV"),
    ("Export calendar (.ics)", "导出日历 (.ics)", "Exportar calendário (.ics)"),
    ("Export SVG", "导出 SVG", "Exportar SVG"),
    ("Export PNG", "导出 PNG", "Exportar PNG"),
    ("Print", "打印", "Imprimir"),
    ("Downloaded {0}.", "已下载 {0}。", "{0} baixado."),
    ("Could not export {0}: {1}.", "无法导出 {0}：{1}。", "Não foi possível exportar {0}: {1}."),
    // The printed summary
    ("Scenario: {0}", "场景：{0}", "Cenário: {0}"),
    (
        "Customer tier {0}; the timeline shows every tier of the policy. Clock: {1} ({2}).",
        "客户等级 {0}；时间线显示该策略的所有等级。时钟：{1}（{2}）。",
        "Nível do cliente {0}; a linha do tempo mostra todos os níveis da política. Relógio: {1} ({2}).",
    ),
    ("So far in tier {0}", "等级 {0} 至今", "Até agora no nível {0}"),
    ("Nothing has happened yet.", "尚未发生任何事件。", "Nada aconteceu ainda."),
    ("Coming in tier {0}", "等级 {0} 接下来", "A seguir no nível {0}"),
    (
        "In an exercise, what comes after {0} is not shown.",
        "练习中不显示 {0} 之后发生的事。",
        "Num exercício, o que vem depois de {0} não é mostrado.",
    ),
    (
        "Nothing more happens before the simulation ends, {0}; the status below gives the dates that would follow.",
        "模拟结束（{0}）前不再发生任何事件；下方的状态给出了之后的日期。",
        "Nada mais acontece antes do fim da simulação, {0}; o status abaixo dá as datas que viriam depois.",
    ),
    (
        "More follow: the calendar export (.ics) lists every coming attempt, expiry, freeze and release.",
        "后面还有更多：导出的日历 (.ics) 列出了之后的每次续费尝试、到期、冻结和释放。",
        "Há mais: o calendário exportado (.ics) lista cada tentativa, vencimento, congelamento e liberação a seguir.",
    ),
    ("auto-renew attempt", "自动续费尝试", "tentativa de renovação automática"),
    ("expires: the grace period starts", "到期：宽限期开始", "expira: começa o período de carência"),
    ("frozen: the retention period starts", "冻结：保留期开始", "congelado: começa o período de retenção"),
    ("released: the data is deleted", "释放：数据被删除", "liberado: os dados são excluídos"),
    // The calendar export (.ics)
    ("Renewal Lab — tier {0}", "Renewal Lab — 等级 {0}", "Renewal Lab — nível {0}"),
    (
        "{0} (tier {1}, {2} {3}) — from the Renewal Lab scenario “{4}”.",
        "{0}（等级 {1}，{2} {3}）— 来自 Renewal Lab 场景“{4}”。",
        "{0} (nível {1}, {2} {3}) — do cenário “{4}” do Renewal Lab.",
    ),
    ("now {0}", "当前{0}", "agora {0}"),
    ("not started yet", "尚未开始", "ainda não começou"),
    (
        "{0} (tier {1}, {2} {3}), after the end of the simulation, unless it is restored first — from the Renewal Lab scenario “{4}”.",
        "{0}（等级 {1}，{2} {3}），在模拟结束之后，除非在此之前恢复 — 来自 Renewal Lab 场景“{4}”。",
        "{0} (nível {1}, {2} {3}), depois do fim da simulação, a menos que seja restaurado antes — do cenário “{4}” do Renewal Lab.",
    ),
];
