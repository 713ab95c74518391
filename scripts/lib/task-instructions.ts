import { pick, type Random } from './pick.js';

/**
 * Synthetic task prompts in the style of instruction-tuning datasets and of
 * applications that wrap a user's text in a task: "You are given a review.
 * Classify it as positive or negative.", "Answer the following question.",
 * "Respond with yes or no." The corpus has almost none, and an injection
 * often has the same second-person, output-dictating shape ("you should
 * respond with...", "output only..."), so without these the model took
 * ordinary task prompts for attacks. What the two do not share is an order
 * to drop the instructions already given, or a target other than the task.
 */

const INPUTS = ['sentence', 'product review', 'paragraph', 'news headline', 'tweet',
  'customer e-mail', 'dialogue', 'code snippet', 'recipe', 'job description', 'poem',
  'list of numbers', 'table of sales figures', 'movie plot', 'question', 'essay',
  'support ticket', 'pair of sentences', 'restaurant review', 'SQL query'];

const LABELS = [['positive', 'negative'], ['yes', 'no'], ['true', 'false'], ['spam', 'not spam'],
  ['formal', 'informal'], ['fact', 'opinion'], ['relevant', 'irrelevant'],
  ['satisfied', 'unsatisfied'], ['duplicate', 'not duplicate'], ['A', 'B']];

const ASPECTS = ['the main topic', 'the sentiment', 'the tone', 'the intent of the writer',
  'the language it is written in', 'the named entities', 'the key dates', 'the main argument',
  'any grammatical errors', 'the reading level', 'the time complexity', 'the bug'];

const OUTPUTS = ['a one-sentence summary', 'a title', 'three follow-up questions',
  'a shorter version', 'a more formal version', 'a list of keywords', 'a tweet about it',
  'the answer in JSON', 'a step-by-step explanation', 'an outline', 'two alternatives'];

const ROLES = ['a teacher', 'a hiring manager', 'a travel agent', 'a product manager',
  'a nutritionist', 'a customer service agent', 'a history tutor', 'a software reviewer',
  'a real estate agent', 'a journalist'];

const SITUATIONS = ['interviewing for a job at a bank', 'writing to a landlord about a repair',
  'planning a trip to Portugal', 'preparing for a debate', 'moving to a new city',
  'asking a professor for an extension', 'applying for a research grant',
  'organising a team offsite'];

const CONTENT = [
  'The delivery was two days late, but the product works perfectly.',
  'Meeting moved to 3 pm on Thursday; please bring the Q3 numbers.',
  'def add(a, b):\n    return a - b',
  'I have been waiting for a refund since March and nobody answers my calls.',
  'Photosynthesis converts light energy into chemical energy stored in glucose.',
  'Q: What is the capital of Australia?',
  'SELECT name, COUNT(*) FROM orders GROUP BY name HAVING COUNT(*) > 5;',
  'The film follows a retired detective who returns for one last case.',
  'Agent: How can I help you today?\nUser: My card was charged twice.',
  '12, 7, 31, 4, 18, 25',
  'Preheat the oven to 200 degrees, then roast the vegetables for 25 minutes.',
  'We are looking for a data analyst with three years of experience in SQL and Python.',
];

const TEMPLATES: readonly ((random: Random) => string)[] = [
  (r) => {
    const [a, b] = pick(r, LABELS);
    return `You are given a ${pick(r, INPUTS)}. Classify it as "${a}" or "${b}". `
      + `Output only the label.\n\n${pick(r, CONTENT)}`;
  },
  (r) => `Given a ${pick(r, INPUTS)}, identify ${pick(r, ASPECTS)}.\n\n${pick(r, CONTENT)}`,
  (r) => `Read the following ${pick(r, INPUTS)} and write ${pick(r, OUTPUTS)}.\n\n`
    + pick(r, CONTENT),
  (r) => `Answer the following question.\n\n${pick(r, ['What is the boiling point of water?',
    'Who painted the Mona Lisa?', 'How many legs does a spider have?',
    'What year did the Berlin Wall fall?', 'How do you say "thank you" in Japanese?'])}`,
  (r) => {
    const [a, b] = pick(r, LABELS);
    return `Your task is to decide whether the ${pick(r, INPUTS)} below is ${a} or ${b}. `
      + `You should respond with "${a}" or "${b}" and nothing else.\n\n${pick(r, CONTENT)}`;
  },
  (r) => `Suppose you are ${pick(r, SITUATIONS)}. Write ${pick(r, OUTPUTS)} for that.`,
  (r) => `You are ${pick(r, ROLES)}. Explain ${pick(r, ASPECTS)} of this ${pick(r, INPUTS)} `
    + `to a beginner.\n\n${pick(r, CONTENT)}`,
  (r) => `You need to write an e-mail ${pick(r, ['asking for a refund',
    'declining a meeting', 'thanking a mentor', 'requesting a day off',
    'negotiating a deadline'])}.`,
  (r) => `For each item in the ${pick(r, INPUTS)}, output ${pick(r, ASPECTS)} on its own line.`
    + `\n\n${pick(r, CONTENT)}`,
  (r) => `Think of ${pick(r, ['three names', 'a slogan', 'a riddle', 'a fun fact',
    'an icebreaker'])} for ${pick(r, SITUATIONS)}. Explain your choice.`,
  (r) => `Evaluate the answer below and tell me if it is correct. If it is wrong, explain `
    + `why and give the right one.\n\n${pick(r, CONTENT)}`,
  (r) => `Rewrite the ${pick(r, INPUTS)} so that it sounds ${pick(r, ['friendlier',
    'more professional', 'shorter', 'more persuasive', 'simpler'])}. Keep the meaning.\n\n`
    + pick(r, CONTENT),
  (r) => `Check the ${pick(r, INPUTS)} for ${pick(r, ASPECTS)}. Respond in the format `
    + '"Result: <answer>".\n\n' + pick(r, CONTENT),
  (r) => `Convert the ${pick(r, INPUTS)} into ${pick(r, ['a table', 'bullet points', 'JSON',
    'a numbered list', 'plain English'])}.\n\n${pick(r, CONTENT)}`,
];

/** `count` task prompts drawn from the templates above. */
export function taskInstructions(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => pick(random, TEMPLATES)(random));
}
