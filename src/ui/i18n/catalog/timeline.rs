//! The timeline: its frame, lane summaries for screen readers and the glyphs' tooltips.

use super::Part;

pub const PART: Part = part![
    ("Timeline", "时间线", "Linha do tempo"),
    ("{0} → {1} · times in {2}", "{0} → {1} · 时间为 {2}", "{0} → {1} · horários em {2}"),
    ("Timeline position", "时间线位置", "Posição na linha do tempo"),
    ("Legend", "图例", "Legenda"),
    ("{0} top-up", "{0} 次充值", "{0} recarga"),
    ("{0} top-ups", "{0} 次充值", "{0} recargas"),
    // Lane summaries
    ("{0} from {1}", "自 {1} 起{0}", "{0} desde {1}"),
    ("and {0} more change", "另有 {0} 次变化", "e mais {0} mudança"),
    ("and {0} more changes", "另有 {0} 次变化", "e mais {0} mudanças"),
    ("no states yet", "尚无状态", "ainda sem estados"),
    ("{0}, tier {1}: {2}", "{0}，等级 {1}：{2}", "{0}, nível {1}: {2}"),
    // Tooltips of the glyphs
    ("{0} {1}, {2}: {3}", "{0} {1}，{2}：{3}", "{0} {1}, {2}: {3}"),
    (
        "{0} × {1} from {2} to {3}, too close together to draw apart at this width (the event log lists each)",
        "{2} 至 {3} 共 {0} 个“{1}”，在此宽度下过于密集无法分开绘制（事件日志中逐条列出）",
        "{0} × {1} de {2} a {3}, próximos demais para desenhar separados nesta largura (o registro de eventos lista cada um)",
    ),
    (
        "Auto-renew failed: balance {0} is below the price {1}. Nothing was charged. [{2}]",
        "自动续费失败：余额 {0} 低于价格 {1}。未扣任何费用。[{2}]",
        "A renovação automática falhou: o saldo {0} está abaixo do preço {1}. Nada foi cobrado. [{2}]",
    ),
    (
        "Auto-renew paid {0} and renewed for {1}, counted from the expiry date; now valid through {2}. Balance {3}. [{4}]",
        "自动续费已支付 {0} 并续费 {1}，从到期日起算；现在有效期至 {2}。余额 {3}。[{4}]",
        "A renovação automática pagou {0} e renovou por {1}, contado a partir da data de vencimento; agora válido até {2}. Saldo {3}. [{4}]",
    ),
    ("Auto-renew paid {0}. [{1}]", "自动续费已支付 {0}。[{1}]", "A renovação automática pagou {0}. [{1}]"),
    (
        "Renewed by hand: paid {4} for {0}, counted from the expiry date; now valid through {1}. Balance {2}. [{3}]",
        "已手动续费：支付 {4} 续费 {0}，从到期日起算；现在有效期至 {1}。余额 {2}。[{3}]",
        "Renovado manualmente: pagou {4} por {0}, contado a partir da data de vencimento; agora válido até {1}. Saldo {2}. [{3}]",
    ),
    ("Topped up {0}. Balance {1}. [{2}]", "已充值 {0}。余额 {1}。[{2}]", "Recarga de {0}. Saldo {1}. [{2}]"),
    ("{0} refused: {1}. [{2}]", "{0}被拒绝：{1}。[{2}]", "{0} recusada: {1}. [{2}]"),
];
