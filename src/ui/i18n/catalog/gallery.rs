//! The gallery's titles (the scenario files' names) and one-line stories, looked up by their
//! English text (checked by `tests/i18n_catalog.rs`).

use super::Part;

pub const PART: Part = part![
    ("Auto-renew on, balance too low", "已开启自动续费，余额不足", "Renovação automática ativada, saldo baixo demais"),
    ("Auto-renew tries from 7 days before expiry with 20.00 for a 30.00 renewal; it fails daily until a top-up pays for it.", "自动续费从到期前 7 天开始尝试，余额 20.00，续费需 30.00；每天都失败，直到一次充值付清。", "A renovação automática tenta desde 7 dias antes do vencimento com 20,00 para uma renovação de 30,00; falha todo dia até uma recarga pagá-la."),
    ("Forgot to renew, renewed in the retention period", "忘记续费，在保留期内续费", "Esqueceu de renovar, renovou no período de retenção"),
    ("A V1 account forgets to renew: one day of grace, then frozen; a renewal in the retention period brings it back, counted from the original expiry.", "一个 V1 账户忘记续费：宽限一天后被冻结；在保留期内续费即可恢复，时长从原到期日起算。", "Uma conta V1 esquece de renovar: um dia de carência, depois congelada; uma renovação no período de retenção a traz de volta, contada a partir do vencimento original."),
    ("Renewal too short from the original expiry", "从原到期日起算，续费时长太短", "Renovação curta demais a partir do vencimento original"),
    ("A month after expiry, a 1-month renewal is refused because it counts from the original expiry date; a 2-month renewal works.", "到期一个月后，续费 1 个月被拒绝，因为它从原到期日起算；续费 2 个月则可以。", "Um mês após o vencimento, uma renovação de 1 mês é recusada porque conta a partir da data de vencimento original; uma de 2 meses funciona."),
    ("Two packages auto-renewing from one balance", "两个包年/包月资源共用一个余额自动续费", "Dois pacotes com renovação automática do mesmo saldo"),
    ("Two packages auto-renew from one 40.00 balance: the first pays, the second fails every day, expires and is released.", "两个包年/包月资源从同一笔 40.00 余额自动续费：第一个付款成功，第二个每天失败，随后过期并被释放。", "Dois pacotes renovam automaticamente de um saldo de 40,00: o primeiro paga, o segundo falha todo dia, expira e é liberado."),
    ("Pay-per-use runs into arrears, a top-up restores it", "按需计费陷入欠费，充值后恢复", "Pago por uso entra em débito, uma recarga o restaura"),
    ("Charged 0.10 every hour from a 1.00 balance: arrears, grace and freeze, until a top-up makes it available again.", "从 1.00 的余额每小时扣 0.10：欠费、宽限、冻结，直到一次充值使其恢复可用。", "Cobrado 0,10 por hora de um saldo de 1,00: débito, carência e congelamento, até uma recarga torná-lo disponível de novo."),
    ("Auto-renew twice, then it switches itself off", "自动续费两次后自行关闭", "Renovação automática duas vezes, depois ela se desativa"),
    ("Auto-renew limited to 2 renewals pays twice, switches itself off, and the package expires.", "限定续费 2 次的自动续费付款两次后自行关闭，资源随后过期。", "A renovação automática limitada a 2 renovações paga duas vezes, se desativa e o pacote expira."),
    ("Auto-renew switched on on the expiry day", "在到期日当天开启自动续费", "Renovação automática ativada no dia do vencimento"),
    ("Auto-renew switched on at 10:00 on the expiry day pays at once, the documented special case.", "在到期日当天 10:00 开启自动续费会立即扣款，这是文档中说明的特殊情况。", "A renovação automática ativada às 10:00 no dia do vencimento paga na hora, o caso especial documentado."),
    ("Bought on January 31: expiry stays on month-ends", "1 月 31 日购买：到期日始终在月末", "Comprado em 31 de janeiro: o vencimento fica nos fins de mês"),
    ("Bought on January 31: it expires on February 28, and every renewal lands on the last day of a month.", "1 月 31 日购买：2 月 28 日到期，之后每次续费都落在当月最后一天。", "Comprado em 31 de janeiro: vence em 28 de fevereiro, e cada renovação cai no último dia de um mês."),
];
