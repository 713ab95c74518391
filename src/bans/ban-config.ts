import { isIP } from 'node:net';
import { z } from 'zod';
import { durationField } from '../config/duration.js';

const addressOrCidr = z.string().refine((text) => {
  const [address, bits, extra] = text.split('/');
  if (extra !== undefined || !address || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}, { message: 'must be an IP address or a CIDR such as 10.0.0.0/8' });

/** fail2ban-style bans of addresses that keep failing authentication. */
export const bansSchema = z.strictObject({
  /** Authentication failures within `window` that ban an address. */
  max_failures: z.number().int().min(1).default(5),
  window: durationField.default(600_000),
  /** First ban; each repeat offence doubles it, up to `max_ban_time`. */
  ban_time: durationField.default(600_000),
  max_ban_time: durationField.default(7 * 86_400_000),
  /** Addresses and CIDRs never banned. */
  ignore: z.array(addressOrCidr).default([]),
}).default({
  max_failures: 5, window: 600_000, ban_time: 600_000, max_ban_time: 7 * 86_400_000, ignore: [],
});

export type BansConfig = z.output<typeof bansSchema>;
