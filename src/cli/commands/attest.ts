import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { attest } from '../../ledger/oversight/attest.js';
import { checkFormat } from '../output/render.js';
import { printJson, withLedger } from './ledger-session.js';

/** `tokenwarden attest REQUEST_ID --by NAME --verdict approved|rejected|edited`. */
export function registerAttestCommand(program: Command): void {
  program.command('attest')
    .description("record a person's validation of an AI answer in the ledger")
    .argument('<request-id>')
    .requiredOption('--by <name>', 'the person attesting')
    .requiredOption('--verdict <verdict>', 'approved, rejected or edited')
    .option('--note <text>', 'why (kept encrypted, committed in the entry)')
    .option('--edited-file <file>', 'the corrected answer, for --verdict edited')
    .option('--format <format>', 'text or json', 'text')
    .action(async (requestId: string, options: { by: string; verdict: string; note?: string;
      editedFile?: string; format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      let editedText: string | undefined;
      if (options.editedFile) {
        try {
          editedText = readFileSync(options.editedFile, 'utf8');
        } catch {
          throw new TokenwardenError('usage_error',
            `Cannot read --edited-file ${options.editedFile}`);
        }
      }
      const result = await withLedger(program, (ledger) => attest(ledger, {
        requestId, by: options.by, verdict: options.verdict, note: options.note, editedText,
      }));
      if (format === 'json') {
        printJson({ index: result.index, request_id: result.requestId,
          target_index: result.targetIndex, oversight: result.oversight });
      } else {
        console.log(`attestation recorded as entry ${result.index}; request ${requestId} is `
          + `${result.oversight.status}`);
      }
    });
}
