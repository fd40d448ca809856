//! Problems: the engine's phrasings matched by `i18n/errors.rs` (values kept), and share-link
//! and import errors.

use super::Part;

pub const PART: Part = part![
    (
        "it breaks a rule of the format",
        "它违反了格式规则",
        "ele viola uma regra do formato",
    ),
    ("{0} problems: {1}", "{0} 个问题：{1}", "{0} problemas: {1}"),
    ("{0}; and {1} more", "{0}；另有 {1} 个", "{0}; e mais {1}"),
    (
        "Could not import {0}: it is a trace, the output of renewal-cli, not a scenario. Import the scenario it was made from. The current scenario is unchanged.",
        "无法导入 {0}：这是 renewal-cli 输出的轨迹，不是场景。请导入生成它的场景。当前场景保持不变。",
        "Não foi possível importar {0}: é um traço, a saída do renewal-cli, não um cenário. Importe o cenário que o gerou. O cenário atual não foi alterado.",
    ),
    (
        "the link holds no scenario after #scenario=",
        "链接在 #scenario= 之后没有场景",
        "o link não tem cenário depois de #scenario=",
    ),
    (
        "the link's scenario is {0} characters long; at most {1}",
        "链接中的场景长 {0} 个字符；最多 {1} 个",
        "o cenário do link tem {0} caracteres; no máximo {1}",
    ),
    (
        "the link's scenario is not base64url text ({0})",
        "链接中的场景不是 base64url 文本（{0}）",
        "o cenário do link não é texto base64url ({0})",
    ),
    (
        "the link's scenario does not decode to text",
        "链接中的场景无法解码为文本",
        "o cenário do link não decodifica para texto",
    ),
    (
        "the link does not hold a scenario document: {0}",
        "链接中没有场景文档：{0}",
        "o link não contém um documento de cenário: {0}",
    ),
    (
        "the link's scenario is invalid: {0}",
        "链接中的场景无效：{0}",
        "o cenário do link é inválido: {0}",
    ),
    (
        "the link's scenario is invalid ({0} problems), first: {1}",
        "链接中的场景无效（{0} 个问题），第一个：{1}",
        "o cenário do link é inválido ({0} problemas), o primeiro: {1}",
    ),
    (
        "the link holds no exercise after #exercise=",
        "链接在 #exercise= 之后没有练习",
        "o link não tem exercício depois de #exercise=",
    ),
    (
        "the link's exercise is {0} characters long; at most {1}",
        "链接中的练习长 {0} 个字符；最多 {1} 个",
        "o exercício do link tem {0} caracteres; no máximo {1}",
    ),
    (
        "the link's exercise is not base64url text ({0})",
        "链接中的练习不是 base64url 文本（{0}）",
        "o exercício do link não é texto base64url ({0})",
    ),
    (
        "the link's exercise does not decode to text",
        "链接中的练习无法解码为文本",
        "o exercício do link não decodifica para texto",
    ),
    (
        "the link's exercise is invalid: {0}",
        "链接中的练习无效：{0}",
        "o exercício do link é inválido: {0}",
    ),
    (
        "the link's exercise is invalid ({0} problems), first: {1}",
        "链接中的练习无效（{0} 个问题），第一个：{1}",
        "o exercício do link é inválido ({0} problemas), o primeiro: {1}",
    ),
    (
        "{0} at character {1} is not base64url",
        "第 {1} 个字符 {0} 不属于 base64url",
        "{0} no caractere {1} não é base64url",
    ),
    (
        "its length is not that of base64url text",
        "其长度不符合 base64url 文本",
        "seu comprimento não é o de um texto base64url",
    ),
    (
        "its last character cannot end base64url text",
        "其最后一个字符不能作为 base64url 文本的结尾",
        "seu último caractere não pode terminar um texto base64url",
    ),
    // The engine's phrasings (i18n/errors.rs PATTERNS)
    (
        "missing field (required)",
        "缺少字段（必填）",
        "campo ausente (obrigatório)",
    ),
    (
        "appears more than once",
        "出现了不止一次",
        "aparece mais de uma vez",
    ),
    ("missing: {0}", "缺少：{0}", "ausente: {0}"),
    (
        "expected {0}, found {1}",
        "应为 {0}，实际为 {1}",
        "esperava-se {0}, encontrado {1}",
    ),
    (
        "not valid JSON: {0}",
        "不是有效的 JSON：{0}",
        "JSON inválido: {0}",
    ),
    (
        "{0} is out of range (0 to {1} days)",
        "{0} 超出范围（0 到 {1} 天）",
        "{0} está fora do intervalo (0 a {1} dias)",
    ),
    (
        "{0} is out of range (0 to {1})",
        "{0} 超出范围（0 到 {1}）",
        "{0} está fora do intervalo (0 a {1})",
    ),
    (
        "longer than {0} characters",
        "超过 {0} 个字符",
        "mais longo que {0} caracteres",
    ),
    (
        "{0} is not a tier of {1} ({2})",
        "{0} 不是 {1} 的等级（{2}）",
        "{0} não é um nível de {1} ({2})",
    ),
    (
        "{0} is not a policy (huawei-cn, huawei-intl, or a custom policy object)",
        "{0} 不是策略（huawei-cn、huawei-intl 或自定义策略对象）",
        "{0} não é uma política (huawei-cn, huawei-intl ou um objeto de política personalizada)",
    ),
    (
        "a policy needs at least one tier",
        "策略至少需要一个等级",
        "uma política precisa de pelo menos um nível",
    ),
    (
        "{0} tiers; at most {1}",
        "{0} 个等级；最多 {1} 个",
        "{0} níveis; no máximo {1}",
    ),
    (
        "tier {0} appears twice",
        "等级 {0} 出现了两次",
        "o nível {0} aparece duas vezes",
    ),
    (
        "a tier name has 1 to 32 printable characters",
        "等级名称为 1 到 32 个可打印字符",
        "um nome de nível tem de 1 a 32 caracteres imprimíveis",
    ),
    (
        "a scenario needs at least one resource",
        "场景至少需要一个资源",
        "um cenário precisa de pelo menos um recurso",
    ),
    (
        "{0} resources; at most {1}",
        "{0} 个资源；最多 {1} 个",
        "{0} recursos; no máximo {1}",
    ),
    (
        "{0} is not an id (1 to 32 of a-z, 0-9, _ and -)",
        "{0} 不是有效的 ID（1 到 32 个 a-z、0-9、_ 和 -）",
        "{0} não é um id (de 1 a 32 de a-z, 0-9, _ e -)",
    ),
    (
        "{0} is already the id of {1}",
        "{0} 已经是 {1} 的 ID",
        "{0} já é o id de {1}",
    ),
    (
        "only pay_per_use resources have an hourly rate",
        "只有 pay_per_use 资源才有每小时费率",
        "só recursos pay_per_use têm preço por hora",
    ),
    (
        "a package needs a term (1m..11m or 1y..5y)",
        "包年/包月资源需要时长（1m..11m 或 1y..5y）",
        "um pacote precisa de um prazo (1m..11m ou 1y..5y)",
    ),
    (
        "a package needs prices { month, year }",
        "包年/包月资源需要价格 { month, year }",
        "um pacote precisa de preços { month, year }",
    ),
    (
        "only package resources have this; remove it or make the billing \"package\"",
        "只有 package 资源才有此项；请删除它或将计费方式改为 \"package\"",
        "só recursos package têm isto; remova-o ou mude a cobrança para \"package\"",
    ),
    (
        "a pay_per_use resource needs an hourly_rate",
        "pay_per_use 资源需要 hourly_rate",
        "um recurso pay_per_use precisa de hourly_rate",
    ),
    (
        "{0} actions; at most {1}",
        "{0} 个动作；最多 {1} 个",
        "{0} ações; no máximo {1}",
    ),
    (
        "more than {0} events over all the tiers, too many for the app to draw: end the run earlier or remove actions (renewal-cli has no such limit)",
        "所有等级合计超过 {0} 个事件，应用无法绘制这么多：请提前结束运行（until）或删除一些动作（renewal-cli 没有此限制）",
        "mais de {0} eventos somando todos os níveis, demais para o app desenhar: termine a simulação mais cedo ou remova ações (o renewal-cli não tem esse limite)",
    ),
    (
        "{0} is before the earliest resource start {1}",
        "{0} 早于最早的资源开始时间 {1}",
        "{0} é antes do início do primeiro recurso {1}",
    ),
    (
        "{0} is before resources[{1}].start {2}",
        "{0} 早于 resources[{1}].start {2}",
        "{0} é anterior a resources[{1}].start {2}",
    ),
    (
        "{0} is more than {1} years after the earliest start",
        "{0} 比最早的开始时间晚 {1} 年以上",
        "{0} é mais de {1} anos depois do início mais antigo",
    ),
    (
        "the renewals of {0} up to here would carry its expiry past the year {1}",
        "{0} 到此为止的续费会使其到期日超过 {1} 年",
        "as renovações de {0} até aqui levariam o vencimento além do ano {1}",
    ),
    (
        "unknown field {0}, expected one of {1}",
        "未知字段 {0}，应为以下之一：{1}",
        "campo desconhecido {0}; esperava-se um destes: {1}",
    ),
    (
        "unknown field {0}, there are no fields",
        "未知字段 {0}，此处不应有字段",
        "campo desconhecido {0}; aqui não há campos",
    ),
    (
        "unknown variant {0}, expected one of {1}",
        "未知取值 {0}，应为以下之一：{1}",
        "valor desconhecido {0}; esperava-se um destes: {1}",
    ),
    (
        "unknown variant {0}, expected {1}",
        "未知取值 {0}，应为 {1}",
        "valor desconhecido {0}; esperava-se {1}",
    ),
    (
        "invalid type: {0}, expected {1}",
        "类型无效：{0}，应为 {1}",
        "tipo inválido: {0}; esperava-se {1}",
    ),
    (
        "invalid value: {0}, expected {1}",
        "值无效：{0}，应为 {1}",
        "valor inválido: {0}; esperava-se {1}",
    ),
    (
        "{0} is after until ({1})",
        "{0} 晚于结束时间（{1}）",
        "{0} é depois do fim ({1})",
    ),
    (
        "this field does not belong to this kind of action",
        "此字段不属于这类动作",
        "este campo não pertence a este tipo de ação",
    ),
    (
        "the id of the resource to act on",
        "要操作的资源 ID",
        "o id do recurso sobre o qual agir",
    ),
    ("how much to top up", "充值金额", "quanto recarregar"),
    (
        "{0} is not the id of any resource",
        "{0} 不是任何资源的 ID",
        "{0} não é o id de nenhum recurso",
    ),
    (
        "comes before {0} starts ({1})",
        "早于 {0} 开始的时间（{1}）",
        "vem antes de {0} começar ({1})",
    ),
    (
        "a top-up must be more than 0",
        "充值金额必须大于 0",
        "uma recarga deve ser maior que 0",
    ),
    (
        "{0} is not a term (1m..11m or 1y..5y)",
        "{0} 不是有效的期限（1m..11m 或 1y..5y）",
        "{0} não é um prazo (1m..11m ou 1y..5y)",
    ),
    (
        "{0} is not a local time (YYYY-MM-DDTHH:MM:SS)",
        "{0} 不是本地时间（YYYY-MM-DDTHH:MM:SS）",
        "{0} não é uma hora local (AAAA-MM-DDTHH:MM:SS)",
    ),
    (
        "{0} is outside the supported years {1} to {2}",
        "{0} 超出支持的年份 {1} 到 {2}",
        "{0} está fora dos anos suportados, de {1} a {2}",
    ),
    (
        "{0} is not a real date",
        "{0} 不是真实存在的日期",
        "{0} não é uma data real",
    ),
    (
        "{0} is not a real time of day",
        "{0} 不是真实存在的时刻",
        "{0} não é uma hora do dia real",
    ),
    (
        "{0} is not a UTC offset (±HH:MM, e.g. +08:00)",
        "{0} 不是 UTC 偏移（±HH:MM，例如 +08:00）",
        "{0} não é um deslocamento UTC (±HH:MM, p. ex. +08:00)",
    ),
    (
        "{0} is not a UTC offset: minutes run 00 to 59",
        "{0} 不是 UTC 偏移：分钟应为 00 到 59",
        "{0} não é um deslocamento UTC: os minutos vão de 00 a 59",
    ),
    (
        "{0} is outside the offsets in use (-12:00 to +14:00)",
        "{0} 超出实际使用的偏移（-12:00 到 +14:00）",
        "{0} está fora dos deslocamentos em uso (-12:00 a +14:00)",
    ),
    (
        "{0} is negative; amounts are never negative",
        "{0} 是负数；金额不能为负",
        "{0} é negativo; valores nunca são negativos",
    ),
    (
        "{0} is not an amount (like \"30\" or \"30.50\")",
        "{0} 不是金额（例如 \"30\" 或 \"30.50\"）",
        "{0} não é um valor (como \"30\" ou \"30,50\")",
    ),
    (
        "{0} has more than two decimals",
        "{0} 的小数超过两位",
        "{0} tem mais de duas casas decimais",
    ),
    (
        "{0} is more than the maximum {1}",
        "{0} 超过最大值 {1}",
        "{0} é mais que o máximo {1}",
    ),
    ("expected a value", "应为一个值", "esperava-se um valor"),
    (
        "a word without quotes (text needs double quotes; only true, false and null go without)",
        "没有引号的单词（文本需要双引号；只有 true、false 和 null 不用）",
        "uma palavra sem aspas (textos precisam de aspas duplas; só true, false e null não)",
    ),
    ("line {0} column {1}", "第 {0} 行第 {1} 列", "linha {0}, coluna {1}"),
    (
        "this is a scenario, not an exercise: open it as a scenario (#scenario= or Import)",
        "这是一个场景，不是练习：请作为场景打开（#scenario= 或导入）",
        "isto é um cenário, não um exercício: abra-o como cenário (#scenario= ou Importar)",
    ),
    (
        "the file is empty: it holds no JSON",
        "文件是空的：其中没有 JSON",
        "o arquivo está vazio: não contém JSON",
    ),
    (
        "the text ends where a value should be",
        "文本在应有值的地方结束了",
        "o texto termina onde deveria haver um valor",
    ),
    ("a number too large to read", "数字太大，无法读取", "um número grande demais para ler"),
    (
        "nested more than 128 levels deep",
        "嵌套超过 128 层",
        "aninhado em mais de 128 níveis",
    ),
    (
        "a comma before a closing bracket",
        "右括号前多了一个逗号",
        "uma vírgula antes de fechar colchetes ou chaves",
    ),
    (
        "a line break or control character inside a text (write it as \\n)",
        "文本中有换行或控制字符（请写成 \\n）",
        "uma quebra de linha ou caractere de controle dentro de um texto (escreva \\n)",
    ),
    (
        "an unpaired \\u escape (\\uD800 to \\uDFFF are halves of one character and come in pairs)",
        "不成对的 \\u 转义（\\uD800 到 \\uDFFF 是一个字符的两半，必须成对出现）",
        "um escape \\u sem par (\\uD800 a \\uDFFF são metades de um caractere e vêm em pares)",
    ),
    (
        "EOF while parsing a value",
        "解析值时文件意外结束",
        "fim do arquivo ao ler um valor",
    ),
    ("the text ends inside an object: a closing } is missing", "文本在对象内部结束：缺少结尾的 }", "o texto termina dentro de um objeto: falta o } de fechamento"),
    ("the text ends inside a list: a closing ] is missing", "文本在列表内部结束：缺少结尾的 ]", "o texto termina dentro de uma lista: falta o ] de fechamento"),
    ("the text ends inside a text: a closing \" is missing", "文本在字符串内部结束：缺少结尾的 \"", "o texto termina dentro de um texto: falta a \" de fechamento"),
    ("more text after the end of the JSON value", "JSON 值结束后还有多余文本", "há mais texto depois do fim do valor JSON"),
    (
        "expected `,` or `}`",
        "应为 `,` 或 `}`",
        "esperava-se `,` ou `}`",
    ),
    (
        "expected `,` or `]`",
        "应为 `,` 或 `]`",
        "esperava-se `,` ou `]`",
    ),
    ("expected `:`", "应为 `:`", "esperava-se `:`"),
    ("a field name needs double quotes", "字段名需要用双引号括起来", "um nome de campo precisa de aspas duplas"),
    ("expected value", "应为一个值", "esperava-se um valor"),
    ("invalid escape", "无效的转义", "escape inválido"),
    ("invalid number", "无效的数字", "número inválido"),
    // When the browser refuses something
    (
        "the clipboard is not available on this page",
        "此页面无法使用剪贴板",
        "a área de transferência não está disponível nesta página",
    ),
    (
        "local storage is not available",
        "本地存储不可用",
        "o armazenamento local não está disponível",
    ),
    (
        "the canvas made no image",
        "画布未生成图像",
        "o canvas não gerou nenhuma imagem",
    ),
    ("the browser refused", "浏览器拒绝了", "o navegador recusou"),
    ("no 2D canvas", "没有 2D 画布", "sem canvas 2D"),
    ("no document", "没有文档", "sem documento"),
    ("no window", "没有窗口", "sem janela"),
    ("no body", "没有页面主体", "sem corpo da página"),
    // Why a trainer's question cannot be a pause point
    (
        "it asks about {0}, not after the pause point {1}: the answer would already be on screen",
        "问题问的是 {0}，不在暂停点 {1} 之后：答案已经显示在屏幕上了",
        "a pergunta é sobre {0}, não depois do ponto de pausa {1}: a resposta já estaria na tela",
    ),
    (
        "{0} is not bought yet at {1}",
        "{1} 时尚未购买 {0}",
        "{0} ainda não foi comprado em {1}",
    ),
    (
        "{0} has no expiry date at {1}",
        "{1} 时 {0} 没有到期日",
        "{0} não tem data de vencimento em {1}",
    ),
    (
        "{0} has no renewal or auto-renew attempt after the pause point",
        "暂停点之后 {0} 没有续费，也没有自动续费尝试",
        "{0} não tem renovação nem tentativa de renovação automática depois do ponto de pausa",
    ),
    (
        "{0} has no auto-renew attempt after the pause point",
        "暂停点之后 {0} 没有自动续费尝试",
        "{0} não tem tentativa de renovação automática depois do ponto de pausa",
    ),
    (
        "{0} is not frozen after the pause point in this run",
        "在这次运行中，暂停点之后 {0} 没有被冻结",
        "{0} não é congelado depois do ponto de pausa nesta execução",
    ),
    (
        "{0} is not released after the pause point in this run",
        "在这次运行中，暂停点之后 {0} 没有被释放",
        "{0} não é liberado depois do ponto de pausa nesta execução",
    ),
    (
        "no event of the run decides it",
        "这次运行中没有事件决定它",
        "nenhum evento da execução decide isso",
    ),
    (
        "{0} is not a tier of the policy ({1})",
        "{0} 不是该政策的等级（{1}）",
        "{0} não é um nível da política ({1})",
    ),
    (
        "{0} is pay-per-use: a question of kind {1} needs a package",
        "{0} 是按需计费资源：{1} 类问题需要包年/包月资源",
        "{0} é pago por uso: uma pergunta do tipo {1} precisa de um pacote",
    ),
    (
        "not used by a question of kind {0}",
        "{0} 类问题不使用此项",
        "não é usado por uma pergunta do tipo {0}",
    ),
    (
        "no simulation of tier {0}",
        "没有等级 {0} 的模拟",
        "não há simulação do nível {0}",
    ),
    // What is wrong with an exercise file.
    (
        "an exercise needs at least one pause point",
        "练习至少需要一个暂停点",
        "um exercício precisa de pelo menos um ponto de pausa",
    ),
    (
        "{0} pause points; at most {1}",
        "{0} 个暂停点；最多 {1} 个",
        "{0} pontos de pausa; no máximo {1}",
    ),
    (
        "{0} is outside the run ({1} to {2})",
        "{0} 不在运行时间内（{1} 至 {2}）",
        "{0} está fora da execução (de {1} a {2})",
    ),
    (
        "comes before the previous pause point; pause points are in time order",
        "早于上一个暂停点；暂停点须按时间顺序排列",
        "vem antes do ponto de pausa anterior; os pontos de pausa seguem a ordem do tempo",
    ),
    (
        "has no answer to reveal: {0}",
        "没有可揭晓的答案：{0}",
        "não tem resposta a revelar: {0}",
    ),
    (
        "is {0} characters long; at most {1}",
        "长 {0} 个字符；最多 {1} 个",
        "tem {0} caracteres; no máximo {1}",
    ),
    ("must not be empty", "不能为空", "não pode ficar vazio"),
    ("{0} is not {1}", "{0} 不是 {1}", "{0} não é {1}"),
    // What the format's reader and serde call the values they expect or found.
    ("{0} is out of range", "{0} 超出范围", "{0} está fora do intervalo"),
    ("{0} is not a whole number", "{0} 不是整数", "{0} não é um número inteiro"),
    ("expected an exercise object { \"format\": \"renewal-lab-exercise/1\", ... }", "应为练习对象 { \"format\": \"renewal-lab-exercise/1\", ... }", "esperava-se um objeto de exercício { \"format\": \"renewal-lab-exercise/1\", ... }"),
    ("a scenario object { \"format\": \"renewal-lab/1\", ... }", "场景对象 { \"format\": \"renewal-lab/1\", ... }", "um objeto de cenário { \"format\": \"renewal-lab/1\", ... }"),
    ("a list of resources [ { ... } ]", "资源列表 [ { ... } ]", "uma lista de recursos [ { ... } ]"),
    ("a resource object { \"id\": ..., \"billing\": ... }", "资源对象 { \"id\": ..., \"billing\": ... }", "um objeto de recurso { \"id\": ..., \"billing\": ... }"),
    ("a list of actions [ { ... } ]", "操作列表 [ { ... } ]", "uma lista de ações [ { ... } ]"),
    ("an action object { \"at\": ..., \"do\": ... }", "操作对象 { \"at\": ..., \"do\": ... }", "um objeto de ação { \"at\": ..., \"do\": ... }"),
    ("an object of tiers { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }", "等级对象 { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }", "um objeto de níveis { \"<tier>\": { \"package\": ..., \"pay_per_use\": ... } }"),
    ("an object of tier name → periods", "“等级名 → 期限”的对象", "um objeto de nome de nível → períodos"),
    ("an object {0}", "对象 {0}", "um objeto {0}"),
    ("a whole number of days (0 to {0})", "整数天数（0 到 {0}）", "um número inteiro de dias (0 a {0})"),
    ("an amount as a string like \"30.50\" or a number", "金额：写成 \"30.50\" 这样的字符串或数字", "um valor como texto, como \"30.50\", ou um número"),
    ("a preset name (\"huawei-cn\", \"huawei-intl\") or a policy object", "预设名称（\"huawei-cn\"、\"huawei-intl\"）或策略对象", "um nome de predefinição (\"huawei-cn\", \"huawei-intl\") ou um objeto de política"),
    ("a whole number", "整数", "um número inteiro"),
    ("a number", "数字", "um número"),
    ("a string", "字符串", "um texto entre aspas"),
    ("a list", "列表", "uma lista"),
    ("an object", "对象", "um objeto"),
    ("a boolean", "true 或 false", "true ou false"),
    ("a sequence", "列表", "uma lista"),
    ("sequence", "列表", "lista"),
    ("map", "对象", "objeto"),
    ("integer `{0}`", "整数 `{0}`", "inteiro `{0}`"),
    ("floating point `{0}`", "小数 `{0}`", "decimal `{0}`"),
    ("boolean `{0}`", "布尔值 `{0}`", "booleano `{0}`"),
    ("string {0}", "字符串 {0}", "texto {0}"),
    ("one of {0}", "以下之一：{0}", "um destes: {0}"),
    ("`{0}` or `{1}`", "`{0}` 或 `{1}`", "`{0}` ou `{1}`"),
    // A file's bytes that are not text in the encodings read (`engine::doc::text_of_bytes`).
    ("not UTF-8 text", "不是 UTF-8 文本", "não é texto UTF-8"),
    (
        "not UTF-16 text, though it starts with a UTF-16 byte order mark",
        "以 UTF-16 字节顺序标记开头，却不是 UTF-16 文本",
        "não é texto UTF-16, embora comece com uma marca de ordem de bytes UTF-16",
    ),
    (
        "the browser's storage for this page is full",
        "浏览器为此页面提供的存储空间已满",
        "o armazenamento do navegador para esta página está cheio",
    ),
];
