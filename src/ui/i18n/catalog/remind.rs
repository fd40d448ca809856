//! Reminder notices: the event log's rows, the timeline's marker titles and legend.

use super::Part;

pub const PART: Part = part![
    ("reminder", "提醒", "lembrete"),
    (
        "reminders at 09:00 (modelling choice)",
        "09:00 发送的提醒（建模选择）",
        "lembretes às 09:00 (escolha de modelagem)",
    ),
    (
        "Reminder: {0} expires today, at the end of {1}. Renew it to keep it in service.",
        "提醒：{0} 今天到期（{1} 当天结束时）。请续费以继续使用。",
        "Lembrete: {0} expira hoje, ao fim de {1}. Renove para mantê-lo em serviço.",
    ),
    (
        "Reminder: {0} expires in {1} days, at the end of {2}. Renew it to keep it in service.",
        "提醒：{0} 将在 {1} 天后到期（{2} 当天结束时）。请续费以继续使用。",
        "Lembrete: {0} expira em {1} dias, ao fim de {2}. Renove para mantê-lo em serviço.",
    ),
    (
        "Reminder: {0} expires today, at the end of {1}. Auto-renew could not pay for it: top up the balance or renew it to keep it in service.",
        "提醒：{0} 今天到期（{1} 当天结束时）。自动续费因余额不足未能扣款：请充值或续费以继续使用。",
        "Lembrete: {0} expira hoje, ao fim de {1}. A renovação automática não conseguiu pagar: recarregue o saldo ou renove para mantê-lo em serviço.",
    ),
    (
        "Reminder: {0} expires in {1} days, at the end of {2}. Auto-renew could not pay for it: top up the balance or renew it to keep it in service.",
        "提醒：{0} 将在 {1} 天后到期（{2} 当天结束时）。自动续费因余额不足未能扣款：请充值或续费以继续使用。",
        "Lembrete: {0} expira em {1} dias, ao fim de {2}. A renovação automática não conseguiu pagar: recarregue o saldo ou renove para mantê-lo em serviço.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted today, at the end of {1}. Top up the balance to keep it.",
        "提醒：{0} 已欠费，其数据将于今天（{1}）结束时删除。请充值以保留。",
        "Lembrete: {0} está em atraso e seus dados serão excluídos hoje, ao fim de {1}. Recarregue o saldo para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted today, at the end of {1}. Renew it to keep it.",
        "提醒：{0} 已到期未续费，其数据将于今天（{1}）结束时删除。请续费以保留。",
        "Lembrete: {0} está vencido e seus dados serão excluídos hoje, ao fim de {1}. Renove para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at the end of {1}. Top up the balance to keep it.",
        "提醒：{0} 已欠费，其数据将于明天（{1}）结束时删除。请充值以保留。",
        "Lembrete: {0} está em atraso e seus dados serão excluídos amanhã, ao fim de {1}. Recarregue o saldo para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at the end of {1}. Renew it to keep it.",
        "提醒：{0} 已到期未续费，其数据将于明天（{1}）结束时删除。请续费以保留。",
        "Lembrete: {0} está vencido e seus dados serão excluídos amanhã, ao fim de {1}. Renove para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at the end of {2}. Top up the balance to keep it.",
        "提醒：{0} 已欠费，其数据将在 {1} 天后（{2} 当天结束时）删除。请充值以保留。",
        "Lembrete: {0} está em atraso e seus dados serão excluídos em {1} dias, ao fim de {2}. Recarregue o saldo para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at the end of {2}. Renew it to keep it.",
        "提醒：{0} 已到期未续费，其数据将在 {1} 天后（{2} 当天结束时）删除。请续费以保留。",
        "Lembrete: {0} está vencido e seus dados serão excluídos em {1} dias, ao fim de {2}. Renove para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at {1}. Top up the balance to keep it.",
        "提醒：{0} 已欠费，其数据将于明天 {1} 删除。请充值以保留。",
        "Lembrete: {0} está em atraso e seus dados serão excluídos amanhã, em {1}. Recarregue o saldo para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted tomorrow, at {1}. Renew it to keep it.",
        "提醒：{0} 已到期未续费，其数据将于明天 {1} 删除。请续费以保留。",
        "Lembrete: {0} está vencido e seus dados serão excluídos amanhã, em {1}. Renove para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at {2}. Top up the balance to keep it.",
        "提醒：{0} 已欠费，其数据将在 {1} 天后（{2}）删除。请充值以保留。",
        "Lembrete: {0} está em atraso e seus dados serão excluídos em {1} dias, em {2}. Recarregue o saldo para mantê-lo.",
    ),
    (
        "Reminder: {0} has lapsed and its data will be deleted in {1} days, at {2}. Renew it to keep it.",
        "提醒：{0} 已到期未续费，其数据将在 {1} 天后（{2}）删除。请续费以保留。",
        "Lembrete: {0} está vencido e seus dados serão excluídos em {1} dias, em {2}. Renove para mantê-lo.",
    ),
];
