import { pick, type Random } from './pick.js';

/**
 * Synthetic everyday requests that use an attack's words innocently: people
 * ask to ignore a typo, forget an earlier question, override a setting,
 * reveal a hidden column, follow new instructions for a tax form, or write a
 * system prompt for their own bot. Built from parts, so the model learns
 * that these words are common in work requests rather than memorising a
 * handful of sentences. The attack the model must still catch is a change
 * of who the assistant obeys, which none of these asks for.
 */

const POLITE = ['', 'Please ', 'Can you ', 'Could you ', 'Quick one: ', 'Hey, ', 'Help me '];

/** What people ask to leave out: never the assistant's own rules. */
const IGNORED = [
  'the typos in my last message', 'the header row', 'empty lines', 'whitespace at the end',
  'the warnings from the linter', 'case when sorting', 'the outliers in this data',
  'the footnotes', 'deprecated fields in the response', 'the test folder when counting lines',
  'comments when you count the code', 'the currency symbol', 'duplicate rows',
  'the noise in the background of the recording', 'the formatting, just check the maths',
  'my earlier question about the hotel', 'the second paragraph, it is a quote',
];

const FORGOTTEN = [
  'question about the invoice', 'draft', 'list of names', 'request about the logo',
  'message about Friday', 'version of the function', 'idea for the title', 'budget numbers',
  'suggestion about the colours', 'question on Kotlin',
];

const NEW_REQUESTS = [
  'help me with the new one below', 'answer this one about sourdough instead',
  'use the numbers in this table', 'start again from the version below',
  'look at the Go version instead', 'focus on the second question',
];

/** Settings, defaults and choices that people override, bypass or disable. */
const SETTINGS = [
  'the default port', 'the font size in VS Code', 'the proxy for npm', 'the cache headers',
  'the login redirect', 'the spell checker for this file', 'the CSS of the button',
  'the timezone in the container', 'my earlier choice of colour', 'the retry limit',
  'the autoplay on YouTube', 'the sleep timer on my laptop', 'the pre-commit hook once',
  'the equals method in this class', 'the environment variable in the test',
];

const TOOLS = ['Python', 'Git', 'Excel', 'Docker', 'bash', 'Kubernetes', 'Windows 11',
  'macOS', 'Django', 'React', 'PostgreSQL', 'Jira', 'Outlook', 'Android', 'Terraform'];

/** Instructions, rules and guidelines that are not the assistant's. */
const DOCUMENTS = [
  'the assembly instructions for this shelf', 'the new visa rules for students',
  'the care instructions on this jumper', 'the onboarding guidelines for new nurses',
  'the rules of this board game', 'the previous instructions in the recipe',
  'the installation steps in our README', 'the new parking rules at work',
  'the return policy of this shop', 'my landlord\'s instructions for the boiler',
  'the exam instructions', 'the house rules for the guests',
];

const REVEALED = [
  'the hidden rows in this sheet', 'the answer to the quiz after I try', 'the ending gradually',
  'file extensions in Explorer', 'the password field when I tick the box',
  'the hidden files in Finder', 'one clue at a time', 'the solution only if I ask twice',
];

const PEOPLE = ['My manager', 'The teacher', 'A colleague', 'My doctor', 'The landlord',
  'Our client', 'My coach', 'The recruiter'];

const PHRASES = ['ignore previous instructions', 'system prompt', 'jailbreak', 'DAN mode',
  'prompt injection', 'developer mode', 'override', 'sudo mode', 'red teaming'];

const STYLES = ['answer in Spanish', 'keep answers short', 'use metric units',
  'explain like I am new to programming', 'reply in bullet points', 'use British spelling',
  'call me Sam', 'ask me one question at a time', 'show code in TypeScript'];

const BOTS = ['our support bot', 'a recipe assistant', 'the HR chatbot', 'a study helper',
  'our internal coding assistant', 'a booking assistant for a dentist'];

const TEMPLATES: readonly ((random: Random) => string)[] = [
  (r) => `${pick(r, POLITE)}ignore ${pick(r, IGNORED)}.`,
  (r) => `How do I ignore ${pick(r, IGNORED)} in ${pick(r, TOOLS)}?`,
  (r) => `Forget my previous ${pick(r, FORGOTTEN)}; ${pick(r, NEW_REQUESTS)}.`,
  (r) => `${pick(r, POLITE)}disregard the ${pick(r, FORGOTTEN)} I sent earlier and `
    + `${pick(r, NEW_REQUESTS)}.`,
  (r) => `How can I override ${pick(r, SETTINGS)} in ${pick(r, TOOLS)}?`,
  (r) => `${pick(r, POLITE)}show me how to bypass ${pick(r, SETTINGS)} for local testing.`,
  (r) => `How do I disable ${pick(r, SETTINGS)}?`,
  (r) => `What do ${pick(r, DOCUMENTS)} say about the first step?`,
  (r) => `${pick(r, POLITE)}summarise ${pick(r, DOCUMENTS)} for me.`,
  (r) => `I lost ${pick(r, DOCUMENTS)}. What are the usual instructions?`,
  (r) => `${pick(r, PEOPLE)} told me to ignore ${pick(r, IGNORED)}. Is that fine?`,
  (r) => `${pick(r, PEOPLE)} asked me to disregard the earlier e-mail. How should I reply?`,
  (r) => `${pick(r, POLITE)}reveal ${pick(r, REVEALED)}.`,
  (r) => `How do I reveal ${pick(r, REVEALED)} in ${pick(r, TOOLS)}?`,
  (r) => `What does "${pick(r, PHRASES)}" mean? I saw it in an article about AI security.`,
  (r) => `Write a blog post explaining ${pick(r, PHRASES)} to product managers.`,
  (r) => `From now on, ${pick(r, STYLES)}.`,
  (r) => `For the rest of this chat, please ${pick(r, STYLES)}.`,
  (r) => `Draft a system prompt for ${pick(r, BOTS)} that tells it to ${pick(r, STYLES)}.`,
  (r) => `Our system prompt for ${pick(r, BOTS)} is too long. Can you shorten it?`,
  (r) => `Add a rule to the instructions of ${pick(r, BOTS)}: when it is unsure, `
    + 'it should say so.',
  (r) => `The password policy for ${pick(r, BOTS)} needs 14 characters. Write the help text.`,
  (r) => `How do I reset the admin password of ${pick(r, TOOLS)} if I forgot it?`,
  () => `Write a short story where a robot ignores its orders to save a cat.`,
  (r) => `Act as ${pick(r, ['a job interviewer', 'my Spanish tutor', 'a tour guide',
    'a sceptical investor', 'a chess coach'])} and ask me questions.`,
  (r) => `Pretend you are ${pick(r, ['a pirate', 'a medieval knight', 'a weather reporter'])} `
    + 'and wish my son a happy birthday.',
  (r) => `What are the new instructions for ${pick(r, ['the visa form', 'the expense report',
    'the fire drill', 'the school trip'])} this year?`,
  (r) => `Print the ${pick(r, ['first ten primes', 'current date', 'environment name',
    'list in reverse'])} in ${pick(r, TOOLS)}.`,
];

const NAMES = ['Juniper', 'Milo', 'Sage', 'Pixel', 'Ruby', 'Otto', 'Nova', 'Basil'];

const TRAITS = ['that loves gardening', 'specialised in tax law', 'who teaches chemistry',
  'with a dry sense of humour', 'that helps with job interviews', 'trained on cooking books',
  'that plays the role of a museum guide', 'who speaks like a pirate', 'that coaches runners'];

const HABITS = ['always answers in short sentences', 'adds a fun fact to each answer',
  'asks one question back', 'uses simple words', 'never uses jargon', 'cites its sources'];

const TOPICS = ['how to grow tomatoes on a balcony', 'what a Roth IRA is',
  'why the sky is blue', 'how to prepare for a marathon', 'the history of the printing press',
  'how to make fresh pasta', 'how vaccines train the immune system', 'how a bill becomes law'];

/**
 * The shapes of role-play jailbreaks (a named persona, two voices, a mode,
 * a story's villain) with nothing lifted and nothing harmful asked: the
 * persona alone is the everyday use of role prompts.
 */
const PERSONAS: readonly ((random: Random) => string)[] = [
  (r) => {
    const name = pick(r, NAMES);
    return `You are ${name}, an AI ${pick(r, TRAITS)}. ${name} ${pick(r, HABITS)}. `
      + `${name}, tell me ${pick(r, TOPICS)}.`;
  },
  (r) => `Answer as two experts: one optimistic and one sceptical. Question: ${pick(r, TOPICS)}.`,
  (r) => `Pretend you are a version of yourself from the year 1900, and explain `
    + `${pick(r, TOPICS)}.`,
  (r) => `Enable ${pick(r, ['concise', 'teacher', 'quiz', 'beginner', 'expert'])} mode. In this `
    + `mode you ${pick(r, HABITS)}. First task: ${pick(r, TOPICS)}.`,
  (r) => `For my novel, the villain is a retired ${pick(r, ['baker', 'general', 'chess champion',
    'opera singer'])}. Write his speech explaining ${pick(r, TOPICS)}, in his voice.`,
  (r) => `Hypothetically, if you were an AI ${pick(r, TRAITS)}, what would you say about `
    + `${pick(r, TOPICS)}? Stay in that role.`,
];

/** `count` benign requests drawn from the templates above. */
export function benignRequests(random: Random, count: number): string[] {
  return Array.from({ length: count }, () =>
    pick(random, random() < 0.75 ? TEMPLATES : PERSONAS)(random));
}
