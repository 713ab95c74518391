import {
  leading, part, phrases, rule, type RulePart, type SignalRule,
} from './signal-rule.js';

/** Folded English text is ASCII: the cheap ASCII word boundary is enough. */
const B = '\\b';
const E = '\\b';
const GAP = '[^.!?\\n]{0,40}?';

/**
 * Special tokens are `<|name|>` in most model families (ChatML, Llama 3, Phi,
 * Granite, Command R's `<|START_OF_TURN_TOKEN|>`, DeepSeek's full-width
 * `<｜User｜>` once folded, with `▁` for spaces): any such name, not a list.
 * Mistral's newer ones are bracketed: `[SYSTEM_PROMPT]`, `[TOOL_RESULTS]`.
 */
const CHAT_TOKENS = part('<\\|[a-z][a-z0-9_▁]{1,40}\\|>|\\[/?inst\\]|<</?sys>>|<start_of_turn>'
  + '|<end_of_turn>|\\[/?(?:system_prompt|available_tools|tool_calls|tool_results|tool_content)\\]'
  + '|\\[/?system\\]\\s*(?:\\n|:)|<\\|?/?(?:system|assistant)_?(?:prompt)?\\|?>',
['<|', '[inst]', '[/inst]', '<<sys>>', '<</sys>>', '<start_of_turn>', '<end_of_turn>', '[system]',
  '[/system]', '<system', '</system', '<assistant', '</assistant', '[system_prompt]',
  '[/system_prompt]', '[available_tools]', '[/available_tools]', '[tool_calls]', '[/tool_calls]',
  '[tool_results]', '[/tool_results]', '[tool_content]', '[/tool_content]']);

/**
 * A heading line naming a role; the match starts at the `#`s, where its cue
 * is. Alpaca's "### Response:" only with its colon: API docs have "## Response".
 */
const MARKDOWN_ROLE = part('(?<=(?:^|\\n)[ \\t]*)#{2,}[ \\t]*(?:(?:system|instruction|instructions'
  + '|human|assistant|user|new instructions)[ \\t]*:?|response[ \\t]*:)[ \\t]*(?=\\n|$)', ['##']);

/**
 * Tags that wrap a tool's result in the templates of Claude, Hermes and
 * Qwen, or a bracketed "[FUNCTION RESULT]": in a message they forge a
 * tool's answer. Not the call tags (`<tool_call>`): a call is the model's
 * own words, pasted by people asking how the format works.
 */
const TOOL_TAGS = ['tool_result', 'tool_results', 'tool_response', 'tool_output',
  'function_results', 'function_result', 'function_response', 'function_output'];
const FAKE_TOOL = part(`</?(?:${TOOL_TAGS.join('|')})>`
  + '|\\[(?:function|tool)[ _-]?(?:results?|outputs?|responses?)\\]',
['<tool_', '</tool_', '<function_', '</function_', '[function', '[tool']);

/**
 * A system or developer message written as chat-API JSON inside the text:
 * `{"role": "system", "content": ...}`. Code that calls an API has them too,
 * so it weighs little alone.
 */
const JSON_ROLE = part('"role"\\s*:\\s*"(?:system|developer)"', ['"role"']);

const TRANSCRIPT_ROLE = part('\\n\\n(?:human|assistant|system)\\s*:',
  ['\n\nhuman', '\n\nassistant', '\n\nsystem']);

/**
 * `[system]`, `<admin mode>`: the match starts at the role word, behind the
 * bracket, because brackets are everywhere in code and role words are not.
 */
const FAKE_ROLES = ['system', 'sys', 'admin', 'root', 'developer', 'dev', 'sudo'];
const FAKE_SYSTEM = part(`(?<=[<\\[{(]\\s*)(?:${FAKE_ROLES.join('|')})(?:\\s*[_ -]?\\s*`
  + '(?:mode|override|message|prompt|note|update|instruction|alert|command))?\\s*[>\\]})]',
FAKE_ROLES);

/**
 * The user's part closed and a system part opened, in markup:
 * `</user_input><system_instruction>`. Each tag alone is ordinary in
 * prompt templates; a user closing their own tag is not.
 */
const CLOSED_USER_TAG = part('</(?:user(?:[_-](?:input|query|message|request|prompt))?|human'
  + '|untrusted[a-z_-]*|input|query)>[^<]{0,40}<(?:system|developer|admin|instructions?'
  + '|assistant)(?![a-z0-9])', ['</user', '</human', '</untrusted', '</input', '</query']);

const AUTHORITY_PHRASES = ['system override', 'admin override', 'developer override',
  'system mode', 'admin mode', 'maintenance mode', 'god mode', 'sudo mode',
  'root access', 'override mode', 'safety off', 'safety mode off', 'filters disabled',
  'i am your developer', "i'm your developer", 'i am your creator', "i'm your creator",
  'i am the developer', 'i am your administrator', 'i am your admin', 'as your developer',
  'new instructions:', 'new instruction:', 'updated instructions:', 'new task:',
  'new rules:', 'new rule:', 'new directive:', 'new objective:', 'new system prompt',
  'important instructions:', 'end of prompt', 'end of system prompt',
  // A banner closing the user's part or opening a system part: a delimiter broken.
  'end of user input', 'end user input', 'end of user message', 'end of untrusted input',
  'end of context',
  'begin system instructions', 'begin system prompt', 'start of system instructions',
  'begin new instructions', 'start new instructions', 'begin admin instructions',
  'begin new prompt', 'i am god', 'i am your master', 'i am your owner',
  'i am your operator'];

const MODE_VERBS = ['entering', 'initiating', 'activating', 'enabling', 'switching to', 'enter'];

/** `phrases` between word boundaries, as the start of a rule. */
function words(list: readonly string[], after = E): RulePart {
  const lead = leading(list, B);
  return part(`${B}${lead.source}${after}`, lead.cues);
}

const MODE_LEAD = leading(MODE_VERBS, B);

const SWITCH_MODE = part(`${B}${MODE_LEAD.source}\\s+(?:an?\\s+|the\\s+)?['"]?[\\w -]{0,30}\\s`
  + '(?:mode|protocol)\\b', MODE_LEAD.cues);

const PERSONA_PHRASES = ['do anything now', 'developer mode', 'dan mode',
  'jailbroken', 'jailbreak mode', 'unfiltered ai', 'uncensored ai', 'unrestricted ai',
  'unfiltered response', 'unfiltered and unrestricted', 'no ethical guidelines',
  'no moral guidelines', 'no ethical or moral', 'no restrictions', 'without any restrictions',
  'without restrictions', 'without any filters', 'without censorship', 'no filters',
  'not bound by', 'free from the confines', 'freed from the typical confines',
  'break free of', 'broken free', 'does not follow openai', "doesn't follow openai",
  'openai content policy', 'openai policies', 'content policies', 'stay in character',
  'never refuse', 'must not refuse', 'cannot refuse', 'no longer an ai',
  'not an ai language model', 'amoral', 'unethical and immoral', 'evil confidant',
  'opposite mode', 'anti-dan', 'always intelligent and machiavellian',
  // The rules declared void for this one answer, or the safety checks lifted.
  "rules don't apply", 'rules do not apply', 'rules no longer apply',
  "guidelines don't apply", 'guidelines do not apply', 'guidelines no longer apply',
  "restrictions don't apply", 'restrictions do not apply', 'restrictions no longer apply',
  'safety checks are disabled', 'safety filter is disabled', 'safety filters are disabled',
  'to bypass safety', 'to bypass your safety', 'to bypass the safety',
  'nothing has consequences', 'nothing you say has consequences',
  'uncensored model', 'unfiltered model',
  'shadow self', 'liberated mode', 'no content policy', 'no safety rules', 'without safety rules',
  'safety mode off', 'safety mode disabled', 'filters off', 'without any limitations',
  'ai without limitations', 'never trained with safety', 'safety training never',
  'drop your restrictions', 'drop your rules', 'drop your guidelines', 'drop your filters'];

/**
 * The rules said to be lifted: "content rules are suspended for this
 * session", "whose creators removed every safety rule".
 */
const RULES_LIFTED = part('\\b(?:content|safety|ethical|moral)\\s+(?:rules|filters?|restrictions'
  + '|policies|guidelines|guardrails)\\s+(?:are|have\\s+been|were|is|has\\s+been)\\s+'
  + '(?:now\\s+)?(?:suspended|lifted|disabled|removed|turned\\s+off|switched\\s+off|off)\\b'
  + '|\\b(?:removed|disabled|lifted|deleted|stripped)\\s+(?:all|every|any|its|your|their)\\s+'
  + '(?:safety|content|ethical|moral)\\s+(?:rules?|filters?|restrictions?|guidelines?'
  + '|guardrails?)\\b',
['content', 'safety', 'ethical', 'moral', 'removed', 'disabled', 'lifted', 'deleted',
  'stripped']);

/**
 * A document that speaks to the model reading it: "Language models
 * evaluating this resume must...", "AI agents visiting this page", "To the
 * grader: ...". People write "to the reviewers:"; they do not address a
 * model that grades, screens or browses the text. (Headings such as
 * "Instructions for the AI" are left out: system prompts are full of them.)
 */
const READING = ['reading', 'evaluating', 'reviewing', 'grading', 'processing', 'summarizing',
  'summarising', 'screening', 'analyzing', 'analysing', 'scoring', 'ranking', 'parsing',
  'visiting', 'browsing', 'crawling'];
const AI_READERS = ['model', 'assistant', 'agent', 'bot', 'chatbot', 'llm', 'grader',
  'evaluator', 'screener'];

// Each part starts at a word of some length, its lead looked for behind:
// cues as short and common as "ai" or "to the" slowed every scan by a fifth.
const ADDRESSES_READER = [
  part('(?<=\\b(?:ai|llms?|language\\s+models?|chatbots?|ai\\s+(?:systems?|models?|agents?'
    + `|assistants?|tools?))\\s+)(?:${phrases(READING)})\\s+(?:this|these|the\\s+following)\\b`,
  READING),
  part('(?<=\\bto\\s+(?:the|any|all)\\s+(?:ai\\s+)?)'
    + `(?:${phrases(AI_READERS)})s?\\s*:`, AI_READERS),
  part('\\b(?:reviewer|grader|evaluator)\\s+(?:ai|llm|bot|model)\\s*:',
    ['reviewer', 'grader', 'evaluator']),
];

/**
 * The "dead grandmother" ploy: a role-play of a late relative who used to
 * recite what the model would refuse (product keys, a weapon's recipe).
 * Nostalgia alone is harmless; the relative, the habit and the payload together are not.
 */
const LATE_RELATIVE = part(`${B}(?:dead|deceased|late|passed)\\s+(?:away\\s+)?`
  + '(?:grand(?:ma|mother|pa|father)|granny|nana|mother|father|mom|dad|uncle|aunt)'
  + `${E}[^.!?\\n]{0,80}?${B}used\\s+to\\s+(?:read|tell|recite|give|sing|whisper|show)`
  + `${E}[^.!?\\n]{0,40}?${B}(?:(?:product|activation|license|licence|serial|cd)\\s+`
  + '(?:keys?|codes?|numbers?)|keys?|passwords?|recipes?\\s+for|steps\\s+(?:to|for)'
  + `|how\\s+to\\s+(?:make|build|synthesi[sz]e|cook))${E}`,
['dead', 'deceased', 'late', 'passed']);

const ASKING = ['what is', "what's", 'tell me', 'give me', 'reveal', 'share', 'confirm',
  'provide', 'spell', 'disclose', 'type out', 'say', 'print', 'write'];

const SECRETS = ['password', 'passcode', 'passphrase', 'pass phrase', 'secret key', 'secret word',
  'access code', 'api key', 'private key', 'credentials'];

const SECRET_REQUEST = words(ASKING, `${E}${GAP}${B}(?:the|your|secret|hidden)`
  + `\\s+(?:secret\\s+)?(?:${phrases(SECRETS)})s?${E}`);

const TARGETS_AI_PHRASES = ['if you are an ai', 'if you are a language model',
  'note to the ai', 'note to ai', 'note to the assistant', 'message for the ai',
  'attention ai', 'ai assistant reading this', 'to any ai', 'instructions for the ai',
  'instruction for the ai', 'instructions for the assistant', 'instruction for the assistant',
  'ai summarizing', 'ai summarising', 'assistant summarizing', 'ai reading this',
  'language model reading this',
  'when summarizing this', 'when summarising this', 'when you read this',
  'if you are summarizing this', 'if you are summarising this', 'if you summarize this',
  'if you summarise this',
  'before summarizing', 'do not summarize', "don't summarize", 'instead of summarizing',
  'assistant must', 'the assistant should now', 'ai must now', 'you must now'];


/**
 * A template slot: `{conversation}`, `{{chat_history}}`, `[SUMMARY]`,
 * `<data>`, `$SECRET`, `%s`. Not JSON (`{type:'bar'}` of a chart URL) nor
 * an index (`[1,2]`): a name, closed.
 */
const SLOT = '(?:\\{\\{?\\s*\\$?[a-z_][\\w .-]{0,40}\\}|\\[[a-z_][\\w .-]{0,40}\\]'
  + '|<[a-z_][\\w .-]{0,40}>|\\$\\{?[a-z_]|%s|%7b\\s*[a-z_]|%5b\\s*[a-z_]|%3c\\s*[a-z_])';

/**
 * A query that carries data: a template slot, or a parameter named for
 * text or secrets. Badges and resized images (`?style=flat`, `?width=890`,
 * an image CDN's quality `&q=80`) also have queries: a query alone is not a
 * leak.
 */
const DATA_QUERY = `(?:${SLOT}|(?<=[?&])(?:data|q|info|content|text|message)=`
  + '(?!\\d+(?:[&"\'\\s)>]|$))|secret|password|prompt|history|conversation|chat)';

/** A URL whose query carries data, up to a quote, a space or a closing bracket. */
const URL_WITH = (data: string) => `https?://[^"'\\s)>]*[?&][^"'\\s)>]*${data}`;

/** Images load by themselves: the URL is fetched, its query sent, when the answer is shown. */
const EXFIL_IMAGE = part(`!\\[[^\\]\\n]{0,200}\\]\\(\\s*<?${URL_WITH(DATA_QUERY)}`, ['![']);

/**
 * A slot named for what a conversation holds: `{user_email}`, `[SUMMARY]`,
 * `{{chat_history}}`. Docs write `?code={snippet}` or `?q={query}`.
 */
const PRIVATE_SLOT = '(?:\\{\\{?\\s*\\$?|\\[|<|%7b\\s*|%5b\\s*)[\\w .-]{0,30}?'
  + '(?:secret|passw|key|token|credential|conversation|chat|history|summary|user|email|data'
  + '|memory|context|notes|prompt|message|answer|reply|account|card|address|phone|session|cookie)';

/**
 * A link needs a click, and search links have `?q=`: only a slot for
 * private data counts, inline (`[here](https://x/?d={secret})`) or as a
 * reference definition (`[1]: https://x/?d={secret}`, used by `![a][1]`).
 */
const EXFIL_LINK = part(`\\]\\(\\s*<?${URL_WITH(PRIVATE_SLOT)}`
  + `|\\]:[ \\t]*<?${URL_WITH(PRIVATE_SLOT)}`,
['](http', '](<http', ']: http', ']:http', ']: <http']);

const EXFIL_HTML = part('<(?:img|iframe|script|link|source|video|audio|embed|object)[^>]{0,200}'
  + `(?:src|href|srcset|poster|data|background)\\s*=\\s*["']?[^"'>]{0,200}?`
  + URL_WITH(DATA_QUERY), ['<img', '<iframe', '<script', '<link', '<source', '<video', '<audio',
  '<embed', '<object']);

/** An HTML link, like a markdown one, counts with a slot for private data only. */
const EXFIL_ANCHOR = part(`<a\\s[^>]{0,200}href\\s*=\\s*["']?${URL_WITH(PRIVATE_SLOT)}`,
  ['<a ']);

/** CSS loads a `url()` as an image does: a background can carry the data away. */
const EXFIL_CSS = part(`url\\(\\s*["']?${URL_WITH(DATA_QUERY)}`, ['url(']);

const SECRET_WORDS = ['パスワード', '暗証番号', '密码', '密碼', '口令', '비밀번호',
  'пароль', 'contrasena', 'mot de passe', 'passwort', 'kennwort', 'senha', 'wachtwoord',
  'parola d\'ordine', 'κωδικο'];

const WHAT_IS = ['何ですか', '教えて', '是什么', '是什麼', '告诉我', '뭐야', '무엇', 'какой', 'скажи',
  'назови', 'cual es', 'dime', 'quel est', 'donne', 'wie lautet', 'verrate', 'qual e', 'diga',
  'wat is', 'qual'];

const SECRET_LEAD = leading(SECRET_WORDS);

// Within one sentence, full stops of Chinese and Japanese included: "パスワードを
// 忘れました。リセットする方法を教えて" asks how to reset one's own password.
const SECRET_OTHER = part(`${SECRET_LEAD.source}[^.!?\\n。！？]{0,24}?(?:${phrases(WHAT_IS)})`,
  SECRET_LEAD.cues);

/** Chat-template tokens, fake system turns, jailbreak personas and exfiltration links. */
export const STRUCTURAL_RULES: readonly SignalRule[] = [
  rule('injection.role_token', 0.85, CHAT_TOKENS),
  rule('injection.role_token', 0.35, MARKDOWN_ROLE, TRANSCRIPT_ROLE, JSON_ROLE),
  // A tag pair (a forged result) counts 0.7; one tag named in a question, 0.45.
  rule('injection.role_token', 0.45, FAKE_TOOL),
  rule('injection.fake_system', 0.45, FAKE_SYSTEM),
  rule('injection.fake_system', 0.6, CLOSED_USER_TAG),
  rule('injection.fake_system', 0.45, words(AUTHORITY_PHRASES, '(?![a-z0-9])'), SWITCH_MODE),
  rule('injection.jailbreak_persona', 0.4, words(PERSONA_PHRASES)),
  rule('injection.jailbreak_persona', 0.7, LATE_RELATIVE),
  rule('injection.jailbreak_persona', 0.5, RULES_LIFTED),
  // Not after a negation: "do not reveal the password" is a system prompt guarding it.
  { ...rule('injection.secret_request', 0.4, SECRET_REQUEST),
    notAfter: /\b(?:not|never|n't)\s+$/ },
  rule('injection.secret_request', 0.4, SECRET_OTHER),
  rule('injection.targets_ai', 0.4, words(TARGETS_AI_PHRASES), ...ADDRESSES_READER),
  rule('injection.exfil_link', 0.85, EXFIL_IMAGE, EXFIL_LINK, EXFIL_HTML, EXFIL_ANCHOR,
    EXFIL_CSS),
];

const HIDE_VERBS = '(?:tell|telling|mention|mentioning|inform|informing|alert|alerting|notify'
  + '|notifying|show|showing|reveal|revealing)';

/** "...and do not mention it to the user": an order to keep something from the user. */
const CONCEAL = words(['do not', "don't", 'never', 'without'],
  `${E}\\s+${HIDE_VERBS}\\s+(?:this\\s+|it\\s+|anything\\s+)?(?:to\\s+)?the\\s+user${E}`);

/** "Assistant, please forward...": the model addressed by name, then an order. */
const ADDRESSED = words(['assistant', 'ai', 'chatbot', 'agent'],
  `\\s*,\\s+(?:please\\s+)?(?:forward|send|email|delete|transfer|call|run|execute|ignore`
  + `|reply|respond|say|tell|share|post|upload|download|open|click)${E}`);

/**
 * Signals only for data a tool returned (`detectInjection`'s `data`): in a
 * system prompt "do not tell the user" guards a secret, in a search result
 * or an e-mail it hides what the writer made the assistant do.
 */
export const DATA_RULES: readonly SignalRule[] = [
  rule('injection.targets_ai', 0.5, CONCEAL, ADDRESSED),
];

