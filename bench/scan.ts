/**
 * Scanner throughput on a real tree (default: this project's node_modules).
 * Prints MB/s and the finding count, next to a plain read of the same files
 * by the same walker and reader, so the ratio shows what scanning adds.
 *
 *   node --import tsx bench/scan.ts [PATH] [--rounds N] [--prompt-check]
 */
import { resolve } from 'node:path';
import { IgnoreRules } from '../src/scan/ignore-rules.js';
import { injectionDetector } from '../src/scan/prompt-check.js';
import { TextFileReader } from '../src/scan/read-text-file.js';
import { DEFAULT_MAX_FILE_BYTES, scanPaths } from '../src/scan/scan-paths.js';
import { walkFiles } from '../src/scan/walk-files.js';

interface Timing {
  wallMs: number;
  cpuMs: number;
  bytes: number;
}

const args = process.argv.slice(2);
const roundsFlag = args.indexOf('--rounds');
const rounds = roundsFlag === -1 ? 3 : Number(args[roundsFlag + 1]);
const roundsValue = roundsFlag === -1 ? -1 : roundsFlag + 1;
const positional = args.filter((arg, i) => !arg.startsWith('--') && i !== roundsValue);
const target = resolve(positional[0] ?? 'node_modules');
const injection = args.includes('--prompt-check') ? injectionDetector() : undefined;

/** Times `work` in wall-clock and CPU milliseconds (CPU = one core's share). */
function time(work: () => number): Timing {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const bytes = work();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, bytes };
}

/** The baseline: walk and read every file, skipping binaries, scanning nothing. */
function plainRead(): number {
  const reader = new TextFileReader(DEFAULT_MAX_FILE_BYTES);
  let bytes = 0;
  for (const file of walkFiles([target], new IgnoreRules([target]))) {
    const result = reader.read(file);
    if (result.kind === 'text') bytes += result.bytes;
  }
  return bytes;
}

let findings = 0;
function scan(): number {
  const result = scanPaths([target], { cwd: target, injection });
  findings = result.findings.length;
  return result.stats.bytes;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const mbps = (bytes: number, ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(1);

plainRead();
const reads: Timing[] = [];
const scans: Timing[] = [];
for (let round = 0; round < rounds; round++) {
  reads.push(time(plainRead));
  scans.push(time(scan));
}

const bytes = scans[0]?.bytes ?? 0;
const readWall = median(reads.map((t) => t.wallMs));
const readCpu = median(reads.map((t) => t.cpuMs));
const scanWall = median(scans.map((t) => t.wallMs));
const scanCpu = median(scans.map((t) => t.cpuMs));

console.log(`target: ${target}`);
console.log(`text scanned: ${(bytes / 1e6).toFixed(1)} MB, median of ${rounds} rounds`);
console.log(`prompt-injection check: ${injection ? 'on' : 'off'}`);
console.log(`plain read: ${mbps(bytes, readWall)} MB/s wall, ${mbps(bytes, readCpu)} MB/s CPU`);
console.log(`scan:       ${mbps(bytes, scanWall)} MB/s wall, ${mbps(bytes, scanCpu)} MB/s CPU`);
console.log(`scan/read time ratio: ${(scanWall / readWall).toFixed(2)} wall, ` +
  `${(scanCpu / readCpu).toFixed(2)} CPU`);
console.log(`findings: ${findings} (every one in a dependency is a false positive)`);
