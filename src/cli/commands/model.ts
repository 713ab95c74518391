import type { Command } from 'commander';
import { TokenwardenError } from '../../errors/tokenwarden-error.js';
import { signModel } from '../../signing/sign-model.js';
import { generateKeyFiles } from '../../signing/signing-keys.js';
import { verifyModel } from '../../signing/verify-model.js';

/** The reference tool's default signature file name. */
const DEFAULT_SIGNATURE = 'model.sig';

interface KeygenFlags {
  privateKey: string;
  publicKey: string;
  format: string;
}

interface SignFlags {
  privateKey: string;
  signature: string;
  ignorePaths?: string[];
  format: string;
}

interface VerifyFlags {
  publicKey: string;
  signature: string;
  ignorePaths?: string[];
  format: string;
}

/** Adds `tokenwarden model keygen|sign|verify` (OpenSSF model-signing v1, key mode). */
export function registerModelCommand(program: Command): void {
  const model = program
    .command('model')
    .description('sign and verify model files or folders (OpenSSF model-signing v1)');

  model
    .command('keygen')
    .description('write a new ECDSA P-256 key pair (PEM)')
    .requiredOption('--private-key <file>', 'private key file to create (mode 0600)')
    .requiredOption('--public-key <file>', 'public key file to create')
    .option('-f, --format <format>', 'text or json', 'text')
    .action((flags: KeygenFlags) => {
      const json = isJson(flags.format);
      keygen(flags);
      print(json, `wrote ${flags.privateKey} and ${flags.publicKey}`,
        { private_key: flags.privateKey, public_key: flags.publicKey });
    });

  model
    .command('sign')
    .description('sign a model file or folder into a Sigstore bundle')
    .argument('<path>', 'model file or folder')
    .requiredOption('--private-key <file>', 'ECDSA private key (PEM)')
    .option('--signature <file>', 'bundle to write', DEFAULT_SIGNATURE)
    .option('--ignore-paths <paths...>', 'files or folders to leave out')
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (path: string, flags: SignFlags) => {
      const json = isJson(flags.format);
      const files = await signModel(path, {
        privateKeyFile: flags.privateKey,
        signatureFile: flags.signature,
        ignorePaths: flags.ignorePaths,
      });
      print(json, `signed ${files} files of ${path} into ${flags.signature}`,
        { path, files, signature: flags.signature });
    });

  model
    .command('verify')
    .description('verify a model file or folder against its signature')
    .argument('<path>', 'model file or folder')
    .requiredOption('--public-key <file>', 'ECDSA public key (PEM)')
    .option('--signature <file>', 'bundle to check', DEFAULT_SIGNATURE)
    .option('--ignore-paths <paths...>', 'files or folders to leave out')
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (path: string, flags: VerifyFlags) => {
      const json = isJson(flags.format);
      const result = await verifyModel(path, {
        publicKeyFile: flags.publicKey,
        signatureFile: flags.signature,
        ignorePaths: flags.ignorePaths,
      });
      print(json, `verified ${result.files} files of ${result.name}`,
        { verified: true, model: result.name, files: result.files });
    });
}

/** True for `--format json`; throws on anything but text or json. */
function isJson(format: string): boolean {
  if (format !== 'text' && format !== 'json') {
    throw new TokenwardenError('usage_error',
      `Cannot run model command: --format must be text or json: got '${format}'`);
  }
  return format === 'json';
}

function print(json: boolean, text: string, document: Record<string, unknown>): void {
  console.log(json ? JSON.stringify(document) : text);
}

function keygen(flags: KeygenFlags): void {
  try {
    generateKeyFiles(flags.privateKey, flags.publicKey);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TokenwardenError('usage_error', `Cannot write key pair: ${reason}`, {
      cause: error,
    });
  }
}
