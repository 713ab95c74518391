import { z } from 'zod';

/** Names of users, departments and agents: printable, no spaces at the ends. */
export const identityName = z.string().trim().min(1).max(200)
  .regex(/^[^\p{Cc}]+$/u, { message: 'must not contain control characters' });
