import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src/ledger/ledger.js';
import { attest } from '../../src/ledger/oversight/attest.js';
import { findProvenance } from '../../src/ledger/provenance/find-passages.js';
import {
  answerFingerprints, GUARANTEED_WORDS, shingles, winnow, words,
} from '../../src/ledger/provenance/fingerprint.js';
import { ledgerConfig, sampleRequest, tempDataDir } from './fixtures.js';

const open: Ledger[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((l) => l.close()));
});

const ANSWER_A = 'Our data retention policy keeps customer invoices for ten years because '
  + 'tax law requires it, while support tickets are deleted after two years unless a legal '
  + 'hold applies. Backups follow the same schedule and are encrypted at rest with keys that '
  + 'rotate every ninety days under the control of the security team.';
const ANSWER_B = 'To reset a forgotten password, open the sign-in page, choose the link '
  + 'below the password field, and follow the e-mail that arrives within a few minutes; '
  + 'links expire after one hour for safety and can be requested again at any time.';

async function openLedger(): Promise<Ledger> {
  const ledger = await Ledger.open({ dataDir: tempDataDir(), background: false,
    config: ledgerConfig() });
  open.push(ledger);
  await ledger.append(sampleRequest(1, { requestId: 'a', answerText: ANSWER_A,
    identity: { user: 'ann', department: 'legal', agent: 'policy-bot' }, model: 'gpt-4o' }));
  await ledger.append(sampleRequest(2, { requestId: 'b', answerText: ANSWER_B }));
  for (let i = 3; i < 30; i += 1) await ledger.append(sampleRequest(i));
  return ledger;
}

describe('provenance', () => {
  it('finds a copied answer inside a document and reports who and what produced it', async () => {
    const ledger = await openLedger();
    await attest(ledger, { requestId: 'a', by: 'carol', verdict: 'approved' });
    const doc = `Minutes of the March meeting.\n\n${ANSWER_A}\n\nThe next meeting is in May.`;
    const report = await findProvenance(ledger, doc);
    expect(report.passages).toHaveLength(1);
    const [passage] = report.passages;
    expect(passage?.sources[0]).toMatchObject({ request_id: 'a', model: 'gpt-4o', user: 'ann',
      department: 'legal', agent: 'policy-bot', attestation: 'validated',
      attested_by: ['carol'] });
    expect(passage?.text).toContain('tax law requires it');
    expect(report.coverage).toBeGreaterThan(0.6);
  });

  it('still finds passages after light edits', async () => {
    const ledger = await openLedger();
    const editedA = ANSWER_A.toUpperCase().replace('ten years', '10 years')
      .replace(/,/g, ';').replace('security team', 'security department');
    const editedB = ANSWER_B.replace('a few minutes', 'minutes').replace(/\s+/g, '  ');
    const report = await findProvenance(ledger, `${editedA}\n\nSomething else entirely, `
      + `written by a person about lunch plans and parking.\n\n${editedB}`);
    const sources = report.passages.map((p) => p.sources[0]?.request_id);
    expect(sources).toEqual(['a', 'b']);
  });

  it('finds nothing in an unrelated document', async () => {
    const ledger = await openLedger();
    const report = await findProvenance(ledger, 'A haiku about the sea: waves fold on the '
      + 'shore, gulls argue over the bread, the tide keeps its time, and the sand forgets.');
    expect(report.passages).toEqual([]);
  });

  it('indexes few fingerprints per answer (winnowing)', () => {
    const words = ANSWER_A.split(/\s+/).length;
    const count = answerFingerprints(ANSWER_A, 1).length;
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(words / 3);
    expect(GUARANTEED_WORDS).toBe(16);
  });

  it('indexes exactly the fingerprints that winnowing the shingles keeps', () => {
    // Few distinct words make equal shingle hashes, so ties are exercised too.
    const texts = ['', 'one', 'two words here', ANSWER_A, ANSWER_B, `Ünïcode ﬁne text ${ANSWER_B}`,
      Array.from({ length: 300 }, (_, i) => ['a', 'b', 'c'][(i * 7) % 3]).join(' ')];
    for (const text of texts) {
      for (const seed of [0, 1, 0xdeadbeef]) {
        const kept = winnow(shingles(words(text, seed).words)).map((f) => f.hash);
        expect([...answerFingerprints(text, seed)]).toEqual([...new Set(kept)]);
      }
    }
  });
});
