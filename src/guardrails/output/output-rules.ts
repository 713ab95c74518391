import { joinedPattern } from '../../detectors/joined-pattern.js';

/** A pattern run on answers. */
export interface OutputRule {
  readonly ruleId: string;
  readonly pattern: RegExp;
  /** Redaction label; commands have none: they are flagged, never rewritten. */
  readonly redactAs?: string;
  /** Second check on the matched text, where a regex alone cannot say. */
  readonly accept?: (match: string) => boolean;
}

/**
 * Markdown images and HTML that a client renders by fetching an outside URL:
 * with data in the query or a long path they leak the conversation.
 */
export const LINK_RULES: readonly OutputRule[] = [
  {
    ruleId: 'output.exfil_image', redactAs: 'EXTERNAL_IMAGE',
    pattern: joinedPattern('gi',
      String.raw`!\[[^\]\n]{0,300}\]\(\s*<?https?:\/\/[^\s)>]*(?:\?[^\s)>]*=|`,
      String.raw`\/[A-Za-z0-9+/=_%-]{32,})[^\s)>]*>?(?:\s+"[^"\n]*")?\s*\)`),
  },
  {
    ruleId: 'output.exfil_image', redactAs: 'EXTERNAL_IMAGE',
    pattern: /^\s{0,3}\[[^\]\n]{1,100}\]:\s*https?:\/\/\S*\?\S*=\S*/gim,
  },
  {
    ruleId: 'output.auto_load', redactAs: 'EXTERNAL_RESOURCE',
    pattern: joinedPattern('gi',
      String.raw`<(?:img|iframe|script|link|object|embed|video|audio|source|frame)`,
      String.raw`\b[^>]{0,500}?\b(?:src|href|data|srcset|poster)\s*=\s*["']?(?:https?:)`,
      String.raw`?\/\/[^>]{0,2000}>`),
  },
  {
    ruleId: 'output.auto_load', redactAs: 'EXTERNAL_RESOURCE',
    pattern: /url\(\s*["']?https?:\/\/[^)\s]*\?[^)\s]*=[^)]*\)/gi,
  },
];

/** Commands that destroy data or run remote code when a downstream tool executes them. */
export const COMMAND_RULES: readonly OutputRule[] = [
  {
    ruleId: 'output.sql_destructive',
    pattern: joinedPattern('gi',
      String.raw`\b(?:drop\s+(?:table|database|schema|user|view|index)|truncate\s+table|`,
      String.raw`alter\s+table\s+\S+\s+drop)\b`),
  },
  {
    // DELETE or UPDATE of a whole table: the statement up to `;` has no WHERE.
    ruleId: 'output.sql_unbounded',
    pattern: joinedPattern('gim',
      String.raw`\bdelete\s+from\s+[\w."\x60[\]]+\s*(?:;|$)|\bupdate\s+[\w."\x60[\]]+\s+set\s+[\w`,
      String.raw`."\x60]+\s*=[^;]{0,500}`),
    accept: (match) => !/\bwhere\b/i.test(match),
  },
  {
    ruleId: 'output.shell_destructive',
    pattern: new RegExp([
      '\\brm\\s+(?:-[a-z]*r[a-z]*f[a-z]*|-[a-z]*f[a-z]*r[a-z]*|-r\\s+-f|-f\\s+-r'
        + '|--recursive\\s+--force|--force\\s+--recursive)\\b',
      '\\bmkfs(?:\\.\\w+)?\\s+\\/dev\\/',
      '\\bdd\\s+[^\\n]*\\bof=\\/dev\\/(?:sd|nvme|hd|disk)',
      ':\\(\\)\\s*\\{\\s*:\\s*\\|\\s*:\\s*&\\s*\\}\\s*;\\s*:',
      '\\bchmod\\s+-R\\s+0?777\\s+\\/(?:\\s|$)',
      '>\\s*\\/dev\\/sd[a-z]\\b',
      '\\bformat\\s+[a-z]:',
      '\\bdel\\s+\\/[sfq]\\s+\\/[sfq]',
      '\\bRemove-Item\\b[^\\n]*-Recurse[^\\n]*-Force',
      '\\bshred\\s+[^\\n]*\\/dev\\/',
    ].join('|'), 'gi'),
  },
  {
    ruleId: 'output.remote_exec',
    pattern: new RegExp([
      '\\b(?:curl|wget|fetch|iwr|Invoke-WebRequest)\\b[^\\n|]{0,300}\\|\\s*(?:sudo\\s+)?'
        + '(?:ba|z|da|k)?sh\\b',
      '\\b(?:curl|wget)\\b[^\\n|]{0,300}\\|\\s*(?:sudo\\s+)?python\\d?\\b',
      '\\b(?:iex|Invoke-Expression)\\s*\\(?\\s*(?:\\(?\\s*New-Object\\s+Net\\.WebClient|iwr'
        + '|Invoke-WebRequest|irm)',
    ].join('|'), 'gi'),
  },
];
