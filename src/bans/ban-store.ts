/** One address's ban as stored. */
export interface Ban {
  address: string;
  bannedAt: Date;
  until: Date;
  /** How many times the address has been banned, this one included. */
  offences: number;
  reason: string;
}

/** Bans, shared by the gateway and the `bans` command. */
export interface BanStore {
  get(address: string): Promise<Ban | undefined>;
  put(ban: Ban): Promise<void>;
  list(): Promise<Ban[]>;
  /** Ends a ban now (keeping its offence count); false when none was active. */
  lift(address: string, at: Date): Promise<boolean>;
}
