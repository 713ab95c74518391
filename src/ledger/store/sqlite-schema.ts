/**
 * Tables of `ledger.db`. `content.fingerprints` lists the provenance
 * fingerprints of the entry once the indexer has made them, so erasure and
 * retention can remove them.
 * `entries.body` holds the exact bytes hashed into the
 * tree; every other table is either secret (content, keys), derived (nodes,
 * attestations, fingerprints) or signed on its own (checkpoints).
 */
export const LEDGER_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entries (
  seq INTEGER PRIMARY KEY, request_id TEXT NOT NULL, type TEXT NOT NULL,
  time TEXT NOT NULL, user TEXT, department TEXT, agent TEXT, outcome TEXT,
  body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS entries_request ON entries (request_id);
CREATE TABLE IF NOT EXISTS nodes (key INTEGER PRIMARY KEY, hash BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS content_blobs (
  id INTEGER PRIMARY KEY, key_id INTEGER NOT NULL, header BLOB NOT NULL, sealed BLOB NOT NULL,
  last_seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS content_blobs_key ON content_blobs (key_id);
CREATE TABLE IF NOT EXISTS content (
  seq INTEGER PRIMARY KEY, blob_id INTEGER NOT NULL, offset INTEGER NOT NULL,
  length INTEGER NOT NULL, fingerprints BLOB);
CREATE TABLE IF NOT EXISTS data_keys (
  id INTEGER PRIMARY KEY, subject TEXT NOT NULL, wrapped BLOB,
  created TEXT NOT NULL, erased TEXT);
CREATE INDEX IF NOT EXISTS data_keys_subject ON data_keys (subject);
CREATE TABLE IF NOT EXISTS attestations (
  seq INTEGER PRIMARY KEY, target_seq INTEGER NOT NULL, by TEXT NOT NULL,
  verdict TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attestations_target ON attestations (target_seq);
CREATE TABLE IF NOT EXISTS fingerprints (
  hash INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (hash, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS checkpoints (
  size INTEGER PRIMARY KEY, root BLOB NOT NULL, note TEXT NOT NULL, time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cosignatures (
  size INTEGER NOT NULL, witness TEXT NOT NULL, lines TEXT NOT NULL, time TEXT NOT NULL,
  PRIMARY KEY (size, witness));
CREATE TABLE IF NOT EXISTS witness_state (url TEXT PRIMARY KEY, size INTEGER NOT NULL);
`;
