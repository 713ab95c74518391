import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { findProvenance } from '../../ledger/provenance/find-passages.js';
import { checkFormat } from '../output/render.js';
import { printJson, withLedger } from './ledger-session.js';

/** `tokenwarden provenance FILE`: which passages came from logged answers. */
export function registerProvenanceCommand(program: Command): void {
  program.command('provenance')
    .description('find passages of a document that came from answers in the ledger')
    .argument('<file>')
    .option('--format <format>', 'text or json', 'text')
    .action(async (file: string, options: { format: string }) => {
      const format = checkFormat(options.format, ['text', 'json'] as const);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        throw new TokenwardenError('usage_error', `Cannot read ${file}`);
      }
      const report = await withLedger(program, (ledger) => findProvenance(ledger, text));
      if (format === 'json') {
        printJson(report);
        return;
      }
      console.log(`${report.passages.length} passages, ${Math.round(report.coverage * 100)}% `
        + `of ${report.words} words`);
      for (const p of report.passages) {
        const excerpt = p.text.length > 80 ? `${p.text.slice(0, 77)}...` : p.text;
        console.log(`\n[${p.start}-${p.end}] ${JSON.stringify(excerpt)}`);
        for (const s of p.sources) {
          console.log(`  from ${s.request_id} (${s.model ?? '-'}, ${s.user ?? '-'}`
            + `/${s.department ?? '-'}${s.agent ? `/${s.agent}` : ''}) ${s.attestation}`
            + `${s.attested_by.length ? ` by ${s.attested_by.join(', ')}` : ''}`);
        }
      }
    });
}
