import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { TokenwardenError } from '../errors/tokenwarden-error.js';
import { DEFAULT_CONFIG_INPUT } from './defaults.js';
import { configSchema, type Config } from './schema.js';

export const DEFAULT_CONFIG_PATH = 'tokenwarden.yaml';

export interface LoadedConfig {
  config: Config;
  /** Absolute data folder. */
  dataDir: string;
  /** The file read, or undefined when running on defaults. */
  path: string | undefined;
}

/**
 * Reads and validates the configuration. A missing file is an error unless
 * it is the default path, in which case the built-in defaults apply.
 *
 * @throws TokenwardenError `config_unreadable` or `config_invalid`, whose
 *   message names the field and the value given.
 */
export function loadConfig(path: string = DEFAULT_CONFIG_PATH): LoadedConfig {
  const absolute = resolve(path);
  let input: unknown;
  let source: string | undefined = absolute;
  try {
    input = parseYaml(readFileSync(absolute, 'utf8')) ?? {};
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    if (!missing || path !== DEFAULT_CONFIG_PATH) {
      const reason = missing ? 'no such file' : (error as Error).message;
      throw new TokenwardenError('config_unreadable',
        `Cannot read configuration ${path}: ${reason}`, { cause: error });
    }
    input = {};
    source = undefined;
  }
  return { ...parseConfig(input), path: source };
}

/** Validates an already parsed configuration object (YAML or JSON). */
export function parseConfig(input: unknown): Omit<LoadedConfig, 'path'> {
  const withDefaults = applyDefaultProviders(input);
  const result = configSchema.safeParse(withDefaults);
  if (!result.success) {
    throw new TokenwardenError('config_invalid', describeIssue(result.error, withDefaults));
  }
  return { config: result.data, dataDir: resolve(result.data.data_dir) };
}

function applyDefaultProviders(input: unknown): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  if ('providers' in input) return input;
  return { ...input, providers: DEFAULT_CONFIG_INPUT.providers };
}

/** "Cannot start: 'providers[0].base_url' must be a URL: got "x"". */
function describeIssue(error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  if (!issue) return 'Cannot start: invalid configuration';
  const path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const where = path ? `'${path}'` : 'the top level';
    return `Cannot start: unknown field ${issue.keys.map((k) => `'${k}'`).join(', ')}`
      + ` in ${where}`;
  }
  const given = valueAt(input, issue.path);
  const got = given === undefined ? 'nothing' : JSON.stringify(given);
  return `Cannot start: '${path || '(root)'}' ${issue.message}: got ${got}`;
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, part) => typeof part === 'number'
    ? `${text}[${part}]`
    : text ? `${text}.${String(part)}` : String(part), '');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}
