import { BlockList, isIP } from 'node:net';
import type { BansConfig } from './ban-config.js';
import type { Ban, BanStore } from './ban-store.js';

/** IPv4 clients reach dual-stack servers as `::ffff:a.b.c.d`. */
export function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4
    ? address.slice(7) : address;
}

/**
 * Bans addresses that fail authentication `max_failures` times within
 * `window`, for `ban_time`, doubling per repeat offence up to
 * `max_ban_time` (fail2ban's scheme). Failures are counted in memory; bans
 * are stored, so `tokenwarden bans list|lift` sees and changes them.
 */
export class BanList {
  readonly #config: BansConfig;
  readonly #store: BanStore;
  readonly #ignore = new BlockList();
  readonly #failures = new Map<string, number[]>();
  /** Bans known to be active, to answer without a storage read. */
  readonly #active = new Map<string, Ban>();

  constructor(config: BansConfig, store: BanStore) {
    this.#config = config;
    this.#store = store;
    for (const entry of config.ignore) {
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const family = isIP(address) === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) this.#ignore.addAddress(address, family);
      else this.#ignore.addSubnet(address, Number(bits), family);
    }
  }

  /** Loads active bans from storage (at start). */
  async load(now = new Date()): Promise<void> {
    for (const ban of await this.#store.list()) {
      if (ban.until > now) this.#active.set(ban.address, ban);
    }
  }

  /**
   * The active ban of an address, if any. A ban lifted from the command line
   * is noticed here, since banned addresses are re-read from storage.
   */
  async banOf(rawAddress: string, now = new Date()): Promise<Ban | undefined> {
    const address = normalizeAddress(rawAddress);
    const known = this.#active.get(address);
    if (!known) return undefined;
    const stored = await this.#store.get(address);
    if (!stored || stored.until <= now) {
      this.#active.delete(address);
      return undefined;
    }
    this.#active.set(address, stored);
    return stored;
  }

  /** Counts an authentication failure; returns the new ban when it caused one. */
  async recordFailure(rawAddress: string, now = new Date()): Promise<Ban | undefined> {
    const address = normalizeAddress(rawAddress);
    if (this.#ignored(address)) return undefined;
    const since = now.getTime() - this.#config.window;
    const recent = (this.#failures.get(address) ?? []).filter((time) => time > since);
    recent.push(now.getTime());
    if (recent.length < this.#config.max_failures) {
      this.#failures.set(address, recent);
      this.#bound();
      return undefined;
    }

    this.#failures.delete(address);
    const previous = await this.#store.get(address);
    const offences = (previous?.offences ?? 0) + 1;
    const duration = Math.min(this.#config.ban_time * 2 ** (offences - 1),
      this.#config.max_ban_time);
    const ban: Ban = {
      address, bannedAt: now, until: new Date(now.getTime() + duration), offences,
      reason: `${recent.length} authentication failures`,
    };
    await this.#store.put(ban);
    this.#active.set(address, ban);
    return ban;
  }

  #ignored(address: string): boolean {
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    return isIP(address) !== 0 && this.#ignore.check(address, family);
  }

  /** Keeps the failure map bounded under a flood of distinct addresses. */
  #bound(): void {
    if (this.#failures.size <= 100_000) return;
    const oldest = this.#failures.keys().next().value;
    if (oldest !== undefined) this.#failures.delete(oldest);
  }
}
