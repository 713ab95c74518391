import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ledgerConfigSchema, type LedgerConfig } from '../../src/ledger/config.js';
import type { LedgerRequest } from '../../src/ledger/ledger.js';

const made: string[] = [];
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary data folder, removed when the process exits. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tw-ledger-'));
  made.push(dir);
  return dir;
}

/** The ledger configuration with overrides, parsed like the YAML would be. */
export function ledgerConfig(input: Record<string, unknown> = {}): LedgerConfig {
  return ledgerConfigSchema.parse(input);
}

const ANSWER = 'The quarterly revenue grew by twelve percent, driven mainly by the new '
  + 'subscription tier in northern Europe, while support costs stayed flat because the '
  + 'self-service portal absorbed most routine questions from existing customers.';

/** A realistic request as the gateway would hand it over. */
export function sampleRequest(i: number, overrides: Partial<LedgerRequest> = {}): LedgerRequest {
  const answerText = overrides.answerText ?? `${ANSWER} Reference ${i}.`;
  return {
    requestId: `req-${String(i).padStart(6, '0')}`,
    time: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    endpoint: '/v1/chat/completions',
    identity: { keyId: 'k1', user: i % 2 === 0 ? 'alice' : 'bob', department: 'finance' },
    provider: 'openai', model: 'gpt-4o-mini', status: 200, outcome: 'ok',
    usage: { inputTokens: 120, cachedTokens: 0, cacheWriteTokens: 0, outputTokens: 60,
      reasoningTokens: 0, estimated: false },
    costUsd: 0.000054,
    findings: [],
    prompt: JSON.stringify({ model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Summarise the quarter, please (${i}).` }] }),
    answer: JSON.stringify({ id: `chatcmpl-${i}`, choices: [{ message: { role: 'assistant',
      content: answerText } }] }),
    answerText,
    ...overrides,
  };
}

/**
 * Runs the CLI from source in a child process, from the repository root so
 * that `--import tsx` resolves; pass absolute paths in `args`.
 */
export function runCli(args: string[])
  : Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
  });
}

const CLI = fileURLToPath(new URL('./run-cli.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
