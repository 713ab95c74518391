/** Something an operator must hear about, as one log line and one webhook post. */
export interface Alert {
  kind: 'budget_threshold' | 'budget_exhausted' | 'ban';
  time: Date;
  /** The identity or address concerned, e.g. `department:engineering`. */
  subject: string;
  message: string;
  details: Record<string, unknown>;
}
