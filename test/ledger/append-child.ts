// Appends to a ledger in a loop until killed; prints the highest acknowledged index.
import { Ledger } from '../../src/ledger/ledger.js';
import { ledgerConfig, sampleRequest } from './fixtures.js';

const dataDir = process.argv[2] as string;
const ledger = await Ledger.open({ dataDir, config: ledgerConfig({
  checkpoint_entries: 200, checkpoint_interval: '1s' }) });

for (let round = 0; ; round += 1) {
  const batch = Array.from({ length: 50 }, (_, i) => ledger.append(sampleRequest(round * 50 + i)));
  const results = await Promise.all(batch);
  process.stdout.write(`acked ${Math.max(...results.map((r) => r.index))}\n`);
}
