import { z } from 'zod';
import { durationField } from '../config/duration.js';

const DAY_MS = 86_400_000;

/** A witness the ledger sends its checkpoints to (C2SP tlog-witness). */
export const witnessSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }),
  /** Name used in logs; defaults to the URL's host. */
  name: z.string().min(1).optional(),
});

/** Outputs of an agent or department that need human attestations (EU AI Act Art. 14). */
export const oversightRuleSchema = z.strictObject({
  scope: z.string().regex(/^(agent|department|user):.+$/, {
    message: 'must be agent:NAME, department:NAME or user:NAME',
  }),
  /** How many different people must approve; 2 is the "two natural persons" rule. */
  attestations: z.union([z.literal(1), z.literal(2)]).default(1),
});

/**
 * The `ledger:` section. Every field has a default, so an absent section
 * gives a working ledger.
 */
export const ledgerConfigSchema = z.strictObject({
  /** C2SP checkpoint origin: a schema-less URL naming this log. */
  origin: z.string().regex(/^[^\s+—]+$/, { message: 'must be one word without + or spaces' })
    .default('tokenwarden.local/ledger'),
  /** Longest time between two checkpoints while entries arrive. */
  checkpoint_interval: durationField.default(60_000),
  /** A checkpoint is also issued after this many new entries. */
  checkpoint_entries: z.number().int().min(1).default(10_000),
  /** Folder where every checkpoint is also written as a file. */
  checkpoint_dir: z.string().min(1).optional(),
  witnesses: z.array(witnessSchema).default([]),
  /** How long prompts and answers are kept; 0 keeps them for ever. Leaves always stay. */
  retention: durationField.default(183 * DAY_MS),
  /** false keeps only salted commitments, never the text. */
  store_content: z.boolean().default(true),
  /** Extra wait to gather appends into one commit; 0 batches one event-loop turn. */
  commit_window: durationField.default(0),
  oversight: z.array(oversightRuleSchema).default([]),
}).default({
  origin: 'tokenwarden.local/ledger',
  checkpoint_interval: 60_000,
  checkpoint_entries: 10_000,
  witnesses: [],
  retention: 183 * DAY_MS,
  store_content: true,
  commit_window: 0,
  oversight: [],
});

/** The parsed `ledger:` section, defaults filled in. */
export type LedgerConfig = z.output<typeof ledgerConfigSchema>;
