import type { Database, Statement } from 'better-sqlite3';
import type { Ban, BanStore } from '../../bans/ban-store.js';

interface BanRow {
  address: string;
  banned_at: number;
  until: number;
  offences: number;
  reason: string;
}

function fromRow(row: BanRow): Ban {
  return {
    address: row.address, bannedAt: new Date(row.banned_at), until: new Date(row.until),
    offences: row.offences, reason: row.reason,
  };
}

/** Bans in SQLite, shared by the gateway and `tokenwarden bans`. */
export class SqliteBanStore implements BanStore {
  readonly #get: Statement<[string], BanRow>;
  readonly #put: Statement;
  readonly #all: Statement<[], BanRow>;
  readonly #lift: Statement<[number, string, number]>;

  constructor(db: Database) {
    this.#get = db.prepare('SELECT * FROM bans WHERE address = ?');
    this.#put = db.prepare(`INSERT INTO bans VALUES
      (@address, @banned_at, @until, @offences, @reason)
      ON CONFLICT DO UPDATE SET banned_at = excluded.banned_at, until = excluded.until,
        offences = excluded.offences, reason = excluded.reason`);
    this.#all = db.prepare('SELECT * FROM bans ORDER BY until DESC');
    this.#lift = db.prepare('UPDATE bans SET until = ? WHERE address = ? AND until > ?');
  }

  async get(address: string): Promise<Ban | undefined> {
    const row = this.#get.get(address);
    return row && fromRow(row);
  }

  async put(ban: Ban): Promise<void> {
    this.#put.run({
      address: ban.address, banned_at: ban.bannedAt.getTime(), until: ban.until.getTime(),
      offences: ban.offences, reason: ban.reason,
    });
  }

  async list(): Promise<Ban[]> {
    return this.#all.all().map(fromRow);
  }

  async lift(address: string, at: Date): Promise<boolean> {
    return this.#lift.run(at.getTime(), address, at.getTime()).changes > 0;
  }
}
