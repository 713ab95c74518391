import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { proveRequest } from '../../ledger/audit/prove-request.js';
import { showRequest, type RequestView } from '../../ledger/audit/show-request.js';
import { NoteVerifier } from '../../ledger/checkpoint/note-keys.js';
import { pendingAttestations } from '../../ledger/oversight/pending.js';
import { exportBundle, verifyBundle } from '../../ledger/verify/bundle.js';
import { verifyExtends, verifyStoredLedger } from '../../ledger/verify/verify-ledger.js';
import type { VerifyReport } from '../../ledger/verify/verify-report.js';
import { checkFormat, renderTable } from '../output/render.js';
import { printJson, terminalProgress, withLedger } from './ledger-session.js';

/** Exit code when verification finds a problem. */
const EXIT_FINDINGS = 1;

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new TokenwardenError('usage_error', `Cannot read ${what} ${path}: `
      + `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function reportVerify(report: VerifyReport, format: string): void {
  if (format === 'json') printJson(report);
  else if (report.ok) {
    console.log(`ok: ${report.size} entries verified, root ${report.root}, `
      + `${report.checkpoints_checked} checkpoints matched (covering ${report.covered_size})`);
  }
  if (!report.ok) {
    if (format !== 'json') console.log(`FAILED: ${report.problem?.message ?? 'unknown problem'}`);
    process.exitCode = EXIT_FINDINGS;
  }
}

function registerVerify(audit: Command, program: Command): void {
  audit.command('verify')
    .description('recompute every leaf and the tree, check every checkpoint; exit 1 on damage')
    .option('--checkpoint <file>', 'an older signed checkpoint the ledger must extend')
    .option('--bundle <file>', 'verify an exported bundle offline instead of the data folder')
    .option('--public-key <file>', 'the log verifier key (ledger-signing.vkey), for --bundle')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { checkpoint?: string; bundle?: string; publicKey?: string;
      format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      if (options.bundle) {
        if (!options.publicKey) {
          throw new TokenwardenError('usage_error', "'--bundle' needs '--public-key FILE'");
        }
        const report = await verifyBundle(options.bundle,
          readText(options.publicKey, 'public key'), terminalProgress('verifying bundle'));
        reportVerify(report, format);
        return;
      }
      await withLedger(program, async (ledger) => {
        const { store, signer, reader } = ledger.context;
        const verifier = NoteVerifier.fromVerifierKey(options.publicKey
          ? readText(options.publicKey, 'public key') : signer.verifierKey());
        const report: VerifyReport & { extends?: unknown } = await verifyStoredLedger({
          store, verifier, onProgress: terminalProgress('verifying ledger'),
        });
        if (report.ok && options.checkpoint) {
          const extension = await verifyExtends({
            note: readText(options.checkpoint, 'checkpoint'), verifier, reader, report,
          });
          report.extends = { size: extension.size, consistency_proof: extension.proof };
          if (!extension.ok) Object.assign(report, { ok: false, problem: extension.problem });
        }
        reportVerify(report, format);
      });
    });
}

function printView(view: RequestView): void {
  const { entry, content, oversight } = view;
  console.log(`request ${view.request_id} (entry ${view.index}) at ${entry.time}`);
  console.log(`identity: ${JSON.stringify(entry.identity)}`);
  console.log(`${entry.provider ?? '-'} ${entry.model ?? '-'}: ${entry.outcome} `
    + `(status ${entry.status})${entry.cost_usd === undefined ? '' : `, $${entry.cost_usd}`}`);
  for (const f of entry.findings) console.log(`finding: ${f.rule_id} (${f.kind}) -> ${f.action}`);
  console.log(`content: ${content.status}${content.commitments_match === false
    ? ' (DOES NOT MATCH the commitments)' : ''}`);
  if (content.answer_text) console.log(`answer:\n${content.answer_text}`);
  for (const a of view.attestations) {
    console.log(`attestation: ${a.verdict} by ${a.by} at ${a.time}`);
  }
  console.log(`oversight: ${oversight.status} (${oversight.approved_by.length}/`
    + `${oversight.required} required)`);
  console.log(`inclusion: ${view.inclusion.verified ? 'verified' : 'FAILED'} in tree of `
    + `${view.inclusion.tree_size}`);
}

/** `tokenwarden audit verify|checkpoint|proof|show|export|pending`. */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('verify and inspect the audit ledger');
  registerVerify(audit, program);

  audit.command('checkpoint')
    .description('sign a checkpoint if entries were added since the last, and print the latest')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      await withLedger(program, async (ledger) => {
        const latest = await ledger.checkpoint();
        if (!latest) throw new TokenwardenError('ledger_entry_not_found', 'The ledger is empty');
        const cosignatures = await ledger.context.store.cosignatures(latest.size);
        if (format === 'json') {
          printJson({ size: latest.size, root: latest.root.toString('base64'), time: latest.time,
            checkpoint: latest.note, cosignatures });
        } else process.stdout.write(latest.note);
      });
    });

  audit.command('proof')
    .description('inclusion proof of a request against the latest checkpoint')
    .argument('<request-id>')
    .option('--format <format>', 'text or json', 'json')
    .action(async (requestId: string, options: { format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      const proof = await withLedger(program, (ledger) => proveRequest(ledger, requestId));
      if (format === 'json') printJson(proof);
      else {
        console.log(`entry ${proof.index} of ${proof.tree_size}: `
          + `${proof.verified ? 'included' : 'NOT included'}`);
        proof.proof.forEach((hash) => console.log(hash));
      }
      if (!proof.verified) process.exitCode = EXIT_FINDINGS;
    });

  audit.command('show')
    .description('a request: entry, answer, findings, attestations, inclusion proof')
    .argument('<request-id>')
    .option('--format <format>', 'text or json', 'text')
    .action(async (requestId: string, options: { format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      const view = await withLedger(program, (ledger) => showRequest(ledger, requestId));
      if (format === 'json') printJson(view);
      else printView(view);
    });

  audit.command('export')
    .description('write an offline bundle: entries, checkpoints, cosignatures, public key')
    .option('--out <file>', 'bundle file', 'tokenwarden-ledger-bundle.jsonl')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { out: string; format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      await withLedger(program, async (ledger) => {
        const size = await exportBundle(ledger, options.out, terminalProgress('exporting'));
        const publicKey = ledger.context.signer.verifierKey();
        if (format === 'json') {
          printJson({ out: options.out, entries: size, public_key: publicKey });
        } else {
          console.log(`${size} entries written to ${options.out}; verifier key: ${publicKey}`);
        }
      });
    });

  audit.command('pending')
    .description('answers that the oversight policy says still need attestations')
    .option('--format <format>', 'table or json', 'table')
    .action(async (options: { format: string }) => {
      const format = checkFormat(options.format, ['table', 'json'] as const);
      const pending = await withLedger(program, (ledger) => pendingAttestations(ledger));
      if (format === 'json') printJson({ pending });
      else console.log(renderTable(['request_id', 'time', 'user', 'department', 'agent', 'model',
        'approvals', 'required'], pending));
    });
}
