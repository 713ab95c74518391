import { Command, CommanderError } from 'commander';
import { isTokenwardenError } from '../errors/tokenwarden-error.js';
import { PACKAGE_VERSION } from './version.js';

/** Exit code for bad input or a failed command (1 is kept for "findings"). */
export const EXIT_ERROR = 2;

type Register = (program: Command) => void;

/**
 * Each command lives in its own file under ./commands. They are loaded on
 * demand: `tokenwarden scan` need not load the gateway, nor `serve` the
 * scanner, so a command starts in the time its own modules take.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./commands/serve.js')).registerServeCommand,
  keys: async () => (await import('./commands/keys.js')).registerKeysCommand,
  usage: async () => (await import('./commands/usage.js')).registerUsageCommand,
  bans: async () => (await import('./commands/bans.js')).registerBansCommand,
  scan: async () => (await import('./commands/scan.js')).registerScanCommand,
  model: async () => (await import('./commands/model.js')).registerModelCommand,
  audit: async () => (await import('./commands/audit.js')).registerAuditCommand,
  attest: async () => (await import('./commands/attest.js')).registerAttestCommand,
  provenance: async () => (await import('./commands/provenance.js')).registerProvenanceCommand,
  erase: async () => (await import('./commands/erase.js')).registerEraseCommand,
};

/** The command named on the command line, skipping the global options. */
function commandName(argv: readonly string[]): string | undefined {
  for (let index = 2; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '-c' || arg === '--config') index++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Builds the `tokenwarden` program: the command named in `argv` only, or
 * every command when none is named (for `--help`) or the name is unknown
 * (so that commander reports it).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command('tokenwarden')
    .description('Governance gateway for language models')
    .version(PACKAGE_VERSION)
    .option('-c, --config <file>', 'configuration file', 'tokenwarden.yaml')
    .showHelpAfterError()
    .exitOverride();

  const name = commandName(argv);
  const wanted = name !== undefined && name in COMMANDS ? [name] : Object.keys(COMMANDS);
  const registers = await Promise.all(wanted.map((command) => COMMANDS[command]!()));
  for (const register of registers) register(program);
  return program;
}

/**
 * Runs the command line. Every failure becomes one line on standard error
 * and a non-zero exit code; stack traces are shown only with DEBUG set.
 */
export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
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
