//! The event log: its frame and the short names of event kinds.

use super::Part;

pub const PART: Part = part![
    ("Event log", "事件日志", "Registro de eventos"),
    ("Log tier", "日志等级", "Nível do registro"),
    (
        "{0} up to {1} · times in {2}",
        "截至 {1} 共 {0} · 时间为 {2}",
        "{0} até {1} · horários em {2}",
    ),
    ("{0} event", "{0} 个事件", "{0} evento"),
    ("{0} events", "{0} 个事件", "{0} eventos"),
    (
        "Events of tier {0}",
        "等级 {0} 的事件",
        "Eventos do nível {0}",
    ),
    (
        "{0} earlier event not shown",
        "另有 {0} 个较早的事件未显示",
        "{0} evento anterior não exibido",
    ),
    (
        "{0} earlier events not shown",
        "另有 {0} 个较早的事件未显示",
        "{0} eventos anteriores não exibidos",
    ),
    (
        "Show earlier events",
        "显示较早的事件",
        "Mostrar eventos anteriores",
    ),
    (
        "Move the clock back to read them, or export the CSV for every event.",
        "将时钟往回移动即可查看，或导出 CSV 获取全部事件。",
        "Volte o relógio para lê-los, ou exporte o CSV com todos os eventos.",
    ),
    (
        "Nothing has happened yet. Press Play or Next event.",
        "尚未发生任何事件。请按“播放”或“下一个事件”。",
        "Nada aconteceu ainda. Pressione Reproduzir ou Próximo evento.",
    ),
    ("next: {0}", "接下来：{0}", "a seguir: {0}"),
    ("account", "账户", "conta"),
    // Event kinds
    ("purchased", "已购买", "comprado"),
    ("state change", "状态变化", "mudança de estado"),
    ("renewed", "已续费", "renovado"),
    (
        "auto-renew settings",
        "自动续费设置",
        "configuração da renovação automática",
    ),
    ("refused", "已拒绝", "recusado"),
    // The workshop reveal's deciding event, when hourly charges moved the balance since
    (
        "Hourly pay-per-use charges since {0} took the balance from {1} to {2}.",
        "自 {0} 起按小时的按需计费扣费使余额从 {1} 变为 {2}。",
        "As cobranças por hora do pago por uso desde {0} levaram o saldo de {1} para {2}.",
    ),
    // ... and when failed auto-renew attempts came after it ({1}: what it did; {0}: how many).
    (
        "{1} Then {0} failed auto-renew attempt charged nothing.",
        "{1}此后 {0} 次自动续费尝试失败，未扣费。",
        "{1} Depois, {0} tentativa de renovação automática falhou e nada cobrou.",
    ),
    (
        "{1} Then {0} failed auto-renew attempts charged nothing.",
        "{1}此后 {0} 次自动续费尝试失败，未扣费。",
        "{1} Depois, {0} tentativas de renovação automática falharam e nada cobraram.",
    ),
    // After the first few events at one instant, in the headline and announcements.
    (
        "And {0} more event at this instant (the event log lists each).",
        "此时刻还有 {0} 个事件（事件日志逐一列出）。",
        "E mais {0} evento neste instante (o registro de eventos lista cada um).",
    ),
    (
        "And {0} more events at this instant (the event log lists each).",
        "此时刻还有 {0} 个事件（事件日志逐一列出）。",
        "E mais {0} eventos neste instante (o registro de eventos lista cada um).",
    ),
    ("Go to this time", "转到此时刻", "Ir para este momento"),
];
