/** What kind of damage verification found. */
export type ProblemKind =
  | 'edited'        // an entry's bytes no longer give its leaf hash or its signed root
  | 'deleted'       // an entry is missing from the sequence
  | 'inserted'      // an entry that was never appended sits in the sequence
  | 'reordered'     // an entry sits at the wrong position
  | 'tree'          // a stored tree node disagrees with the entries below it
  | 'checkpoint_signature' // a stored checkpoint's signature does not verify
  | 'checkpoint_root'      // the entries do not give the root a checkpoint signed
  | 'rollback'      // a checkpoint covers entries the ledger no longer has
  | 'inconsistent'; // the ledger does not extend an older checkpoint

/** The first problem found, located as closely as the evidence allows. */
export interface VerifyProblem {
  kind: ProblemKind;
  /** The first entry concerned. */
  index?: number | undefined;
  request_id?: string | undefined;
  message: string;
}

/** Result of a verification run. */
export interface VerifyReport {
  ok: boolean;
  /** Entries read. */
  size: number;
  /** Root recomputed from the entries, base64. */
  root: string;
  checkpoints_checked: number;
  /** Size of the largest checkpoint that matched. */
  covered_size: number;
  problem?: VerifyProblem | undefined;
}
