import type { SecretRule } from '../secret-rule.js';
import { joinedPattern } from '../../joined-pattern.js';
import { hasSecretWord, isNonSecretName, SECRET_WORDS } from './secret-names.js';
import { generatedKey, isWellKnownPassword, passwordLike } from './value-shapes.js';

/*
 * Secrets whose name and value sit apart, so that only the structure of
 * the file ties them: a Terraform variable's `default`, a `name`/`value`
 * pair, and the base64 values under `data:` in a Kubernetes Secret manifest.
 */

/** A secret-looking name given a password-like or generated value. */
function namedSecret(name: string, value: string, bare = false): boolean {
  if (!hasSecretWord(name) || isNonSecretName(name)) return false;
  return passwordLike(value) || generatedKey(value, bare);
}

/** The YAML document (between `---` lines) of `text` that holds `offset`. */
function documentAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n---', offset);
  const end = text.indexOf('\n---', offset);
  return text.slice(start === -1 ? 0 : start, end === -1 ? text.length : end);
}

/** Leading spaces of a line. */
function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * True when the key at `offset` is an entry of the `data:` map of a
 * `kind: Secret` document: its parent (the nearest line above it with less
 * indentation) is `data:`.
 */
function inSecretData(text: string, offset: number): boolean {
  if (!/^kind:[ \t]*["']?Secret["']?[ \t]*$/m.test(documentAt(text, offset))) return false;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = indentOf(text.slice(lineStart, text.indexOf(':', lineStart)));
  const above = text.slice(0, lineStart).split('\n').reverse();
  const parent = above.find((line) => line.trim() !== '' && indentOf(line) < indent);
  return parent !== undefined && /^\s*data:\s*$/.test(parent);
}

/** The text of a base64 value, or undefined when it is not base64 of printable text. */
function decodedText(value: string): string | undefined {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.toString('base64').replace(/=+$/, '') !== value.replace(/=+$/, '')) return undefined;
  const text = bytes.toString('utf8');
  return /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]/.test(text) ? undefined : text;
}

/** A URL that carries a password other than a default (`postgres://app:...@db`). */
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:(?<password>[^\s@/]{3,})@/i;

/**
 * True when a decoded Secret value is a credential: a private key, a URL
 * with a password, a Docker registry config with an `auth`, a password or
 * key under a secret-looking name, or a random key under any other name
 * that is not an id, a name or a URL.
 */
function decodedCredential(value: string, name: string): boolean {
  const text = decodedText(value);
  if (text === undefined) return false;
  if (/-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY/.test(text)) return true;
  const password = URL_PASSWORD.exec(text)?.groups?.password;
  if (password !== undefined) return !isWellKnownPassword(password);
  if (/"auths"\s*:/.test(text)) return /"auth"\s*:\s*"[A-Za-z0-9+/]{8,}={0,2}"/.test(text);
  if (/\s/.test(text.trim())) return false;
  if (namedSecret(name, text.trim())) return true;
  return !isNonSecretName(name) && text.length >= 16 && generatedKey(text.trim(), true);
}

/** Secrets tied to their name by a file's structure. */
export const CONFIG_BLOCK_RULES: readonly SecretRule[] = [
  {
    id: 'terraform-variable-default',
    description: 'Default value of a Terraform variable whose name says it is a secret',
    family: 'generic',
    keywords: ['variable "'],
    // `variable "db_password" { type = string  default = "..." }`, with
    // nested blocks (`validation { ... }`) allowed before the default.
    pattern: joinedPattern('d',
      String.raw`\bvariable\s+"(?<name>[\w-]{1,64})"\s*\{(?:[^{}]|\{[^{}]*\})*?`,
      String.raw`\bdefault\s*=\s*"(?<secret>[^"\s]{8,256})"`),
    window: { before: 0, after: 1_000 },
    multiline: true,
    entropy: 0,
    validate: (secret, match) => namedSecret(match.groups?.name ?? '', secret),
  },
  {
    // Environments and settings listed as pairs: Kubernetes `- name: DB_PASSWORD`
    // / `value: ...`, ECS `{"name": "API_TOKEN", "value": ...}`, Postman
    // `{"key": "x-api-key", "value": ...}`, CloudFormation
    // `ParameterKey=DbPassword,ParameterValue=...`.
    id: 'name-value-secret',
    description: 'Secret in a name/value pair (Kubernetes env, ECS, Postman, CloudFormation)',
    family: 'generic',
    // Keyed on the `value` half: secret words occur five times as often, and
    // building the windows around each of them cost more than the matching.
    // Not `value =`: JavaScript is full of it, and HCL lists rarely hold secrets.
    keywords: ['value:', 'value"', "value'", 'value='],
    pattern: joinedPattern('dim',
      String.raw`\b(?:parameter)?(?:name|key)["']?\s*[:=]\s*(?<qn>["']?)`,
      String.raw`(?<name>[\w.-]{0,40}(?:${SECRET_WORDS})[\w.-]{0,20})`,
      String.raw`\k<qn>(?:[ \t]*,\s{0,40}|\s{1,40})(?:-[ \t]+)?["']?(?:parameter)?value["']?[ \t]*`,
      String.raw`[:=][ \t]*`,
      String.raw`(?:(?<q>["'])(?<secret>[^\s"'\\]{8,256})\k<q>|`,
      String.raw`(?<secretBare>[^\s"',}\]#]{8,256})(?=[ \t]*(?:$|[,}\]#])))`),
    // Back to the `name` line before, on to the end of the value after.
    window: { before: 96, after: 160 },
    multiline: true,
    entropy: 0,
    validate: (secret, match) => namedSecret(match.groups?.name ?? '', secret,
      match.groups?.secretBare !== undefined),
  },
  {
    id: 'kubernetes-secret-data',
    description: 'Credential base64-encoded in the data of a Kubernetes Secret',
    family: 'generic',
    keywords: ['kind: secret'],
    pattern: joinedPattern('dm',
      String.raw`^[ \t]+(?<name>[\w.-]{1,253}):[ \t]+["']?(?<secret>[A-Za-z0-9+/]{8,}={0,2})`,
      String.raw`["']?[ \t]*\r?$`),
    // `data:` may come before `kind:`; a manifest with many keys runs long.
    window: { before: 4_000, after: 20_000 },
    multiline: true,
    entropy: 0,
    validate: (secret, match) => inSecretData(match.input, match.index) &&
      decodedCredential(secret, match.groups?.name ?? ''),
  },
];
