//! The scenario editor: sections, field labels, help in placeholders and options, buttons, and
//! the form's own reasons for text it cannot put in the document (`i18n/errors.rs` `PATTERNS`).

use super::Part;

pub const PART: Part = part![
    (
        "Only the first {0} of {1} actions are shown here; the others run as the file has them. Change them in the JSON file (Export JSON, then Import JSON).",
        "这里只显示 {1} 个操作中的前 {0} 个；其余操作按文件中的内容运行。请在 JSON 文件中修改它们（先导出 JSON，再导入 JSON）。",
        "Só as primeiras {0} de {1} ações aparecem aqui; as outras rodam como estão no arquivo. Altere-as no arquivo JSON (Exportar JSON e depois Importar JSON).",
    ),
    (
        "Only the first {0} of {1} resources are shown here. Change the others in the JSON file (Export JSON, then Import JSON).",
        "这里只显示 {1} 个资源中的前 {0} 个。请在 JSON 文件中修改其余资源（先导出 JSON，再导入 JSON）。",
        "Só os primeiros {0} de {1} recursos aparecem aqui. Altere os outros no arquivo JSON (Exportar JSON e depois Importar JSON).",
    ),
    ("Scenario editor", "场景编辑器", "Editor de cenário"),
    (
        "{0} problem, marked below.",
        "{0} 个问题，已在下方标出。",
        "{0} problema, marcado abaixo.",
    ),
    (
        "{0} problems, marked below.",
        "{0} 个问题，已在下方标出。",
        "{0} problemas, marcados abaixo.",
    ),
    (
        "Problems with the scenario as a whole:",
        "整个场景的问题：",
        "Problemas do cenário como um todo:",
    ),
    (": ", "：", ": "),
    // Scenario
    ("Scenario name", "场景名称", "Nome do cenário"),
    ("Time zone", "时区", "Fuso horário"),
    ("Opening balance", "初始余额", "Saldo inicial"),
    ("Until", "模拟截止", "Até"),
    // Policy
    ("Policy", "策略", "Política"),
    ("Tier", "等级", "Nível"),
    (
        "huawei-cn (China, tiers V0–V5)",
        "huawei-cn（中国站，V0–V5）",
        "huawei-cn (China, V0–V5)",
    ),
    (
        "huawei-intl (one tier)",
        "huawei-intl（单一等级）",
        "huawei-intl (um nível)",
    ),
    (
        "custom (your own tiers)",
        "自定义（您自己的等级表）",
        "personalizada (seus níveis)",
    ),
    ("Policy name", "策略名称", "Nome da política"),
    (
        "Custom tiers: grace and retention periods in days (0 to 365)",
        "自定义等级：宽限期和保留期天数（0 至 365）",
        "Níveis personalizados: períodos de carência e retenção em dias (0 a 365)",
    ),
    ("Package grace", "包年/包月宽限期", "Carência do pacote"),
    ("Package retention", "包年/包月保留期", "Retenção do pacote"),
    (
        "Pay-per-use grace",
        "按需计费宽限期",
        "Carência do pago por uso",
    ),
    (
        "Pay-per-use retention",
        "按需计费保留期",
        "Retenção do pago por uso",
    ),
    ("Tier {0} name", "等级 {0} 名称", "Nome do nível {0}"),
    (
        "Tier {0} package grace days",
        "等级 {0} 包年/包月宽限期天数",
        "Dias de carência do pacote no nível {0}",
    ),
    (
        "Tier {0} package retention days",
        "等级 {0} 包年/包月保留期天数",
        "Dias de retenção do pacote no nível {0}",
    ),
    (
        "Tier {0} pay-per-use grace days",
        "等级 {0} 按需计费宽限期天数",
        "Dias de carência do pago por uso no nível {0}",
    ),
    (
        "Tier {0} pay-per-use retention days",
        "等级 {0} 按需计费保留期天数",
        "Dias de retenção do pago por uso no nível {0}",
    ),
    ("Remove tier {0}", "删除等级 {0}", "Remover nível {0}"),
    ("Remove", "删除", "Remover"),
    ("Add tier", "添加等级", "Adicionar nível"),
    // Resources
    ("Resources", "资源", "Recursos"),
    ("Resource {0}", "资源 {0}", "Recurso {0}"),
    ("Resource {0}: {1}", "资源 {0}：{1}", "Recurso {0}: {1}"),
    ("ID", "ID", "ID"),
    ("Billing", "计费方式", "Cobrança"),
    (
        "Package (monthly/yearly)",
        "包年/包月",
        "Pacote (mensal/anual)",
    ),
    (
        "Pay-per-use (hourly)",
        "按需计费（按小时）",
        "Pago por uso (por hora)",
    ),
    ("Start", "开始时间", "Início"),
    ("Hourly rate", "每小时费率", "Tarifa por hora"),
    ("Term", "时长", "Prazo"),
    ("Monthly price", "月价格", "Preço mensal"),
    ("Yearly price", "年价格", "Preço anual"),
    ("Auto-renew", "自动续费", "Renovação automática"),
    ("Days before", "提前天数", "Dias de antecedência"),
    ("1 month (default)", "1个月（默认）", "1 mês (padrão)"),
    ("Renewals", "续费次数", "Renovações"),
    ("0 = unlimited", "0 = 不限", "0 = ilimitado"),
    ("Add package", "添加包年/包月资源", "Adicionar pacote"),
    (
        "Add pay-per-use",
        "添加按需计费资源",
        "Adicionar pago por uso",
    ),
    ("Remove resource", "删除资源", "Remover recurso"),
    // Actions
    ("Actions", "操作", "Ações"),
    (
        "No actions: the customer never acts.",
        "没有操作：客户从不操作。",
        "Nenhuma ação: o cliente nunca age.",
    ),
    ("Action {0}", "操作 {0}", "Ação {0}"),
    ("At", "时间", "Em"),
    ("Kind", "类型", "Tipo"),
    ("Resource", "资源", "Recurso"),
    ("Amount", "金额", "Valor"),
    (
        "Set auto-renew",
        "设置自动续费",
        "Renovação automática",
    ),
    ("unchanged", "不变", "sem alteração"),
    ("Remove action", "删除操作", "Remover ação"),
    ("Add action", "添加操作", "Adicionar ação"),
    // Selects
    ("— choose —", "— 请选择 —", "— escolha —"),
    ("{0} (not valid)", "{0}（无效）", "{0} (inválido)"),
    // The form's own reasons (matched by `i18n/errors.rs`)
    ("not a whole number", "不是整数", "não é um número inteiro"),
    (
        "enter a whole number of days",
        "请输入整数天数",
        "digite um número inteiro de dias",
    ),
    (
        "enter a complete date and time",
        "请输入完整的日期和时间",
        "digite uma data e hora completas",
    ),
    (
        "{0} is already the name of tier row {1}",
        "{0} 已是等级表第 {1} 行的名称",
        "{0} já é o nome da linha {1} de níveis",
    ),
    ("First period: valid through {0}", "首个周期：有效期至 {0}", "Primeiro período: válido até {0}"),
];
