import { Command, CommanderError } from 'commander';
import { isTokenwardenError } from '../errors/tokenwarden-error.js';
import { registerAttestCommand } from './commands/attest.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerEraseCommand } from './commands/erase.js';
import { registerModelCommand } from './commands/model.js';
import { registerProvenanceCommand } from './commands/provenance.js';
import { registerScanCommand } from './commands/scan.js';
import { registerBansCommand } from './commands/bans.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUsageCommand } from './commands/usage.js';
import { PACKAGE_VERSION } from './version.js';

/** Exit code for bad input or a failed command (1 is kept for "findings"). */
export const EXIT_ERROR = 2;

/** Builds the `tokenwarden` program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('tokenwarden')
    .description('Governance gateway for language models')
    .version(PACKAGE_VERSION)
    .option('-c, --config <file>', 'configuration file', 'tokenwarden.yaml')
    .showHelpAfterError()
    .exitOverride();

  // Each command lives in its own file under ./commands and adds itself here.
  registerServeCommand(program);
  registerKeysCommand(program);
  registerUsageCommand(program);
  registerBansCommand(program);
  registerScanCommand(program);
  registerModelCommand(program);
  registerAuditCommand(program);
  registerAttestCommand(program);
  registerProvenanceCommand(program);
  registerEraseCommand(program);
  return program;
}

/**
 * Runs the command line. Every failure becomes one line on standard error
 * and a non-zero exit code; stack traces are shown only with DEBUG set.
 */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_ERROR;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const code = isTokenwardenError(error) ? ` [${error.code}]` : '';
    console.error(`tokenwarden: ${message}${code}`);
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    process.exitCode = EXIT_ERROR;
  }
}
