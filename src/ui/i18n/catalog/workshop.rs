//! Workshop mode: exercises, questions, reveals, the score and the trainer's panel; also the rule
//! names a reveal shows and the ready exercises' titles and stories (looked up by their English).

use super::Part;

pub const PART: Part = part![
    // Locking, links, announcements
    ("Start the exercise again", "重新开始练习", "Recomeçar o exercício"),
    (
        "The clock and the scenario are locked during the exercise: answer the question, or leave the exercise.",
        "练习期间时钟和场景已锁定：请先回答问题，或退出练习。",
        "O relógio e o cenário ficam bloqueados durante o exercício: responda à pergunta ou saia do exercício.",
    ),
    (
        "Could not open the exercise {0}: {1}. Your current work is unchanged.",
        "无法打开练习 {0}：{1}。当前工作保持不变。",
        "Não foi possível abrir o exercício {0}: {1}. Seu trabalho atual não foi alterado.",
    ),
    (
        "Could not open the exercise link: {0}. Your current work is unchanged.",
        "无法打开练习链接：{0}。当前工作保持不变。",
        "Não foi possível abrir o link do exercício: {0}. Seu trabalho atual não foi alterado.",
    ),
    (
        "You left the exercise; the clock is free again.",
        "你已退出练习；时钟已解除锁定。",
        "Você saiu do exercício; o relógio está livre novamente.",
    ),
    ("Exercise opened: {0}.", "已打开练习：{0}。", "Exercício aberto: {0}."),
    (
        "The exercise in progress could not be restored: {0}. The scenario is kept.",
        "无法恢复进行中的练习：{0}。场景已保留。",
        "Não foi possível retomar o exercício em andamento: {0}. O cenário foi mantido.",
    ),
    (
        "Exercise restored where you left it: {0}.",
        "已从上次离开的地方恢复练习：{0}。",
        "Exercício retomado de onde você parou: {0}.",
    ),
    (
        "Question {0} of {1}, clock paused at {2}: {3}",
        "第 {0} 题，共 {1} 题，时钟暂停于 {2}：{3}",
        "Pergunta {0} de {1}, relógio pausado em {2}: {3}",
    ),
    (
        "Correct: {0}. Clock at {1}; decided by {2}.",
        "正确：{0}。时钟位于 {1}；决定规则：{2}。",
        "Correto: {0}. Relógio em {1}; decidido por {2}.",
    ),
    (
        "Incorrect: the answer is {0}. Clock at {1}; decided by {2}.",
        "错误：正确答案是 {0}。时钟位于 {1}；决定规则：{2}。",
        "Incorreto: a resposta é {0}. Relógio em {1}; decidido por {2}.",
    ),
    (
        "Exercise finished. Score: {0} / {1}.",
        "练习结束。得分：{0} / {1}。",
        "Exercício concluído. Pontuação: {0} / {1}.",
    ),
    // Trainer reports
    (
        "Added a pause point at {0}: {1}",
        "已在 {0} 添加暂停点：{1}",
        "Ponto de pausa adicionado em {0}: {1}",
    ),
    ("No pause point added: {0}.", "未添加暂停点：{0}。", "Nenhum ponto de pausa adicionado: {0}."),
    (
        "No pause point added: the scenario has errors; fix them first.",
        "未添加暂停点：场景有错误，请先修正。",
        "Nenhum ponto de pausa adicionado: o cenário tem erros; corrija-os primeiro.",
    ),
    (
        "the scenario has errors; fix them first",
        "场景有错误，请先修正",
        "o cenário tem erros; corrija-os primeiro",
    ),
    (
        "add at least one pause point first",
        "请先添加至少一个暂停点",
        "adicione pelo menos um ponto de pausa primeiro",
    ),
    ("Untitled exercise", "未命名练习", "Exercício sem título"),
    // Answers
    (
        "Before you copy: an earlier reveal may show an answer before its question is asked. Flagged pause points: {0}.",
        "复制前请注意：较早的揭晓可能在提问前就显示答案。被标记的暂停点：{0}。",
        "Antes de copiar: uma revelação anterior pode mostrar uma resposta antes da pergunta. Pontos de pausa marcados: {0}.",
    ),
    (
        "Its answer may show before it is asked: the reveal of pause point {0} runs the clock to {1}.",
        "它的答案可能在提问前就显示出来：第 {0} 个暂停点的揭晓会把时钟推进到 {1}。",
        "A resposta pode aparecer antes da pergunta: a revelação do ponto de pausa {0} leva o relógio até {1}.",
    ),
    ("it succeeds", "成功", "tem sucesso"),
    ("it fails", "失败", "falha"),
    // Question kinds
    ("State at a time", "某一时刻的状态", "Estado em um momento"),
    ("Expiry date at a time", "某一时刻的到期日", "Expiração em um momento"),
    ("Outcome of the next renewal", "下一次续费的结果", "Resultado da próxima renovação"),
    (
        "Last auto-renew attempt",
        "最后一次自动续费尝试",
        "Última tentativa automática",
    ),
    ("Date it is next frozen", "下一次冻结的日期", "Data do próximo congelamento"),
    ("Date it is released", "释放的日期", "Data da liberação"),
    ("Balance at a time", "某一时刻的余额", "Saldo em um momento"),
    // Prompts
    (
        "Which state is {1} (tier {0}) in at {2}?",
        "{2} 时 {1}（等级 {0}）处于什么状态？",
        "Em que estado está {1} (nível {0}) em {2}?",
    ),
    (
        "What is the expiry date of {1} (tier {0}) at {2}?",
        "{2} 时 {1}（等级 {0}）的到期日是哪天？",
        "Qual é a data de expiração de {1} (nível {0}) em {2}?",
    ),
    (
        "Does the next renewal of {1} (tier {0}), automatic or by hand, succeed?",
        "{1}（等级 {0}）的下一次续费（自动或手动）会成功吗？",
        "A próxima renovação de {1} (nível {0}), automática ou manual, tem sucesso?",
    ),
    (
        "On which date is the last auto-renew attempt of {1} (tier {0})?",
        "{1}（等级 {0}）最后一次自动续费尝试在哪一天？",
        "Em que data é a última tentativa de renovação automática de {1} (nível {0})?",
    ),
    (
        "On which date is {1} (tier {0}) frozen next?",
        "{1}（等级 {0}）下一次在哪一天被冻结？",
        "Em que data {1} (nível {0}) será congelado a seguir?",
    ),
    (
        "On which date is {1} (tier {0}) released, its data deleted?",
        "{1}（等级 {0}）在哪一天被释放、数据被删除？",
        "Em que data {1} (nível {0}) é liberado, com os dados excluídos?",
    ),
    (
        "What is the balance of tier {0} at {1}?",
        "{1} 时等级 {0} 的余额是多少？",
        "Qual é o saldo do nível {0} em {1}?",
    ),
    // Gallery
    ("{0} question", "{0} 道题", "{0} pergunta"),
    ("{0} questions", "{0} 道题", "{0} perguntas"),
    ("Workshop: exercises", "工作坊：练习", "Oficina: exercícios"),
    (
        "The clock stops at pause points with a question. Answer it, then the clock runs to show the truth and the rule that decided it; a score at the end.",
        "时钟会在暂停点停下并提出问题。回答后，时钟继续运行，揭示真实结果及决定它的规则；最后给出得分。",
        "O relógio para em pontos de pausa com uma pergunta. Responda, e o relógio avança para mostrar a verdade e a regra que a decidiu; uma pontuação no final.",
    ),
    // Trainee panel
    ("See the score", "查看得分", "Ver a pontuação"),
    ("Next question", "下一题", "Próxima pergunta"),
    ("Right answer", "回答正确", "Resposta certa"),
    ("Wrong answer", "回答错误", "Resposta errada"),
    (
        "{0}: you said {1}, the answer is {2}.",
        "{0}：你的答案是 {1}，正确答案是 {2}。",
        "{0}: você disse {1}, a resposta é {2}.",
    ),
    ("Score: {0} / {1}", "得分：{0} / {1}", "Pontuação: {0} / {1}"),
    (
        "The clock is free again: explore the whole run.",
        "时钟已解除锁定：可以查看整个运行过程。",
        "O relógio está livre novamente: explore toda a execução.",
    ),
    ("Exercise finished", "练习结束", "Exercício concluído"),
    ("Question {0} of {1}", "第 {0} 题，共 {1} 题", "Pergunta {0} de {1}"),
    (
        "The clock is locked until you answer, and the lanes end at the clock: nothing after it is shown.",
        "回答之前时钟处于锁定状态，泳道只显示到当前时钟：之后的内容不会显示。",
        "O relógio fica bloqueado até você responder, e as faixas terminam no relógio: nada depois dele é mostrado.",
    ),
    ("Leave the exercise", "退出练习", "Sair do exercício"),
    ("Correct.", "正确。", "Correto."),
    ("Incorrect.", "错误。", "Incorreto."),
    (
        "You answered {0}; the answer is {1}.",
        "你的回答是{0}；正确答案是{1}。",
        "Você respondeu {0}; a resposta é {1}.",
    ),
    ("The clock ran to {0}.", "时钟已运行到 {0}。", "O relógio avançou até {0}."),
    ("Decided by {0}: {1}", "决定规则 {0}：{1}", "Decidido por {0}: {1}"),
    ("Also behind it: {0}.", "相关规则：{0}。", "Também por trás disso: {0}."),
    ("Pick a date first.", "请先选择日期。", "Escolha uma data primeiro."),
    ("Choose an answer first.", "请先选择答案。", "Escolha uma resposta primeiro."),
    ("Your answer (date)", "你的答案（日期）", "Sua resposta (data)"),
    ("Submit answer", "提交答案", "Enviar resposta"),
    // Trainer panel
    (
        "Could not make the exercise link: {0}.",
        "无法生成练习链接：{0}。",
        "Não foi possível criar o link do exercício: {0}.",
    ),
    (
        "Your exercise draft keeps its pause points ({0}), added on the scenario open before: check them, or remove them, before you copy the exercise link.",
        "你的练习草稿保留了在之前打开的场景上添加的暂停点（{0} 个）：复制练习链接前，请检查或删除它们。",
        "Seu rascunho de exercício mantém os pontos de pausa ({0}) adicionados no cenário aberto antes: confira-os, ou remova-os, antes de copiar o link do exercício.",
    ),
    (
        "Exercise link copied to the clipboard.",
        "练习链接已复制到剪贴板。",
        "Link do exercício copiado para a área de transferência.",
    ),
    (
        "The clipboard is not available: copy the exercise link from its field.",
        "剪贴板不可用：请从链接字段中复制练习链接。",
        "A área de transferência não está disponível: copie o link do exercício do campo.",
    ),
    ("Remove pause point {0}", "删除暂停点 {0}", "Remover ponto de pausa {0}"),
    ("At {0}: {1}", "{0}：{1}", "Em {0}: {1}"),
    ("Remove pause point", "删除暂停点", "Remover ponto de pausa"),
    (
        "To make your own, open any scenario and use “{0}” at the foot of the lab.",
        "要自己制作练习，请打开任一场景，使用页面底部的“{0}”。",
        "Para criar o seu, abra qualquer cenário e use “{0}” no pé da página.",
    ),
    (
        "Workshop: make an exercise from this scenario",
        "工作坊：用此场景制作练习",
        "Oficina: criar um exercício a partir deste cenário",
    ),
    (
        "Each pause point stops the trainee's clock at the time it was added (now {0}) and asks one question; its answer is computed from the simulation.",
        "每个暂停点会在添加时的时刻（当前 {0}）停住学员的时钟并提出一个问题；答案由模拟计算得出。",
        "Cada ponto de pausa para o relógio do aluno no momento em que foi adicionado (agora {0}) e faz uma pergunta; a resposta é calculada pela simulação.",
    ),
    ("Exercise title", "练习标题", "Título do exercício"),
    ("Question kind", "问题类型", "Tipo de pergunta"),
    ("Question tier", "问题等级", "Nível da pergunta"),
    ("Question resource", "问题资源", "Recurso da pergunta"),
    ("Asked time", "提问时刻", "Momento perguntado"),
    ("Question resource: {0} is pay-per-use; “{1}” asks about a package.", "问题资源：{0} 按需计费；“{1}”只适用于包年/包月资源。", "Recurso da pergunta: {0} é pago por uso; “{1}” pergunta sobre um pacote."),
    ("Add pause point", "添加暂停点", "Adicionar ponto de pausa"),
    ("Copy exercise link", "复制练习链接", "Copiar link do exercício"),
    ("Exercise link", "练习链接", "Link do exercício"),
    ("No pause points yet.", "还没有暂停点。", "Ainda não há pontos de pausa."),
    // Rule names shown in reveals
    ("§1 time", "§1 时间", "§1 tempo"),
    ("§4 tiers", "§4 客户等级", "§4 níveis"),
    ("§8 order of events at one instant", "§8 同一时刻的事件顺序", "§8 ordem dos eventos em um mesmo instante"),
    // Ready exercises: the names of their scenarios (shown in the lab's headline)
    ("Month-end purchases, UTC-05:00", "月末购买，UTC-05:00", "Compras no fim do mês, UTC-05:00"),
    ("Refused renewals on the international site", "国际站上被拒绝的续费", "Renovações recusadas no site internacional"),
    ("Top-up at 03:00, auto-renew on the expiry day", "03:00 充值，到期日自动续费", "Recarga às 03:00, renovação automática no dia do vencimento"),
    // Ready exercises: titles and stories
    (
        "Grace, retention, and a late renewal",
        "宽限期、保留期与迟到的续费",
        "Carência, retenção e uma renovação tardia",
    ),
    (
        "A V1 account forgets to renew: predict when it expires, freezes and is released, and what a renewal in retention buys.",
        "一个 V1 账户忘了续费：预测它何时过期、冻结和释放，以及在保留期内续费能买到什么。",
        "Uma conta V1 esquece de renovar: preveja quando expira, congela e é liberada, e o que uma renovação na retenção compra.",
    ),
    (
        "Auto-renew with too little money",
        "余额不足时的自动续费",
        "Renovação automática com pouco dinheiro",
    ),
    (
        "Auto-renew tries daily at 03:00 with 20.00 for a 30.00 renewal until a top-up lets it pay.",
        "余额 20.00、续费价格 30.00：自动续费每天 03:00 尝试，直到充值后才能付款。",
        "A renovação automática tenta todo dia às 03:00 com 20,00 para uma renovação de 30,00 até que uma recarga permita pagar.",
    ),
    (
        "Month-ends in another time zone",
        "另一个时区的月末",
        "Fins de mês em outro fuso horário",
    ),
    (
        "Bought on January 31 in UTC-05:00: where the expiry lands, where a renewal moves it, and the last second of service.",
        "在 UTC-05:00 于 1 月 31 日购买：到期日落在哪天、续费把它移到哪天，以及服务的最后一秒。",
        "Comprado em 31 de janeiro em UTC-05:00: onde cai a expiração, para onde uma renovação a move e o último segundo de serviço.",
    ),
    ("Two packages, one balance", "两个包，一个余额", "Dois pacotes, um saldo"),
    (
        "Two packages auto-renew from one 40.00 balance on a V0 account: who pays, what is left, and when the other is gone.",
        "V0 账户的两个包从同一笔 40.00 余额自动续费：谁付了款、还剩多少、另一个何时消失。",
        "Dois pacotes renovam automaticamente com um saldo de 40,00 em uma conta V0: quem paga, o que sobra e quando o outro some.",
    ),
    ("Pay-per-use in arrears", "按需计费欠费", "Pago por uso em débito"),
    (
        "Charged 0.10 an hour from 1.00: predict the balance, the arrears, the freeze and the way back.",
        "从 1.00 开始每小时扣 0.10：预测余额、欠费、冻结以及恢复的方式。",
        "Cobrado 0,10 por hora a partir de 1,00: preveja o saldo, a inadimplência, o congelamento e a volta.",
    ),
    (
        "What a renewal cannot do",
        "续费做不到的事",
        "O que uma renovação não pode fazer",
    ),
    (
        "Three renewals and one auto-renew change are refused on the international site: too short, not a package, not available, already released. Which one, and why?",
        "国际站上有三次续费和一次自动续费设置被拒绝：期限太短、不是包年/包月、不在可用状态、已经释放。分别是哪一次，为什么？",
        "Três renovações e uma mudança de renovação automática são recusadas no site internacional: curta demais, não é pacote, não disponível, já liberado. Qual, e por quê?",
    ),
    ("At the same instant", "在同一时刻", "No mesmo instante"),
    (
        "A top-up at exactly 03:00 and auto-renew switched on on the expiry day: which comes first decides who pays.",
        "恰好 03:00 的充值和到期日当天开启的自动续费：先后顺序决定谁能付款。",
        "Uma recarga exatamente às 03:00 e a renovação automática ativada no dia da expiração: o que vem primeiro decide quem paga.",
    ),
];
