import type { CommitInfo } from './finding.js';
import type { TextSource } from './scan-text.js';

/** Starts the line that `git log --format` prints for each commit. */
export const COMMIT_MARKER = '\x1ecommit\x1f';

/** Field separator inside the commit line. */
const FIELD = '\x1f';

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Reads unified-diff output (`git log -p -U0` or `git diff -U0`) line by
 * line and hands on, per commit and file, the lines that were added with
 * their line numbers in the new file. Hunk line counts decide where a hunk
 * ends, so an added line that itself starts with `+++` or `diff` is still
 * read as content.
 */
export class DiffCollector {
  private commit: CommitInfo | undefined;
  private file: string | undefined;
  private lines: string[] = [];
  private numbers: number[] = [];
  private oldLeft = 0;
  private newLeft = 0;
  private nextLine = 0;

  constructor(private readonly emit: (source: TextSource) => void) {}

  /** Feeds one line of diff output (without its line break). */
  push(line: string): void {
    if (this.oldLeft > 0 || this.newLeft > 0) {
      if (this.hunkLine(line)) return;
      this.oldLeft = 0;
      this.newLeft = 0;
    }

    if (line.startsWith(COMMIT_MARKER)) {
      this.flush();
      const [sha = '', author = '', date = ''] = line.slice(COMMIT_MARKER.length).split(FIELD);
      this.commit = { sha, author, date };
    } else if (line.startsWith('diff --git ')) {
      this.flush();
      this.file = undefined;
    } else if (line.startsWith('+++ ')) {
      this.file = newPath(line.slice(4));
    } else {
      const hunk = HUNK_HEADER.exec(line);
      if (hunk) {
        this.oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        this.newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
        this.nextLine = Number(hunk[2]);
      }
    }
  }

  /** Hands on what is left; call once the output has ended. */
  end(): void {
    this.flush();
  }

  /** Consumes a line inside a hunk; false when it does not belong to one. */
  private hunkLine(line: string): boolean {
    const mark = line.charCodeAt(0);
    if (mark === 43 /* + */ && this.newLeft > 0) {
      this.lines.push(line.slice(1));
      this.numbers.push(this.nextLine++);
      this.newLeft--;
    } else if (mark === 45 /* - */ && this.oldLeft > 0) {
      this.oldLeft--;
    } else if (mark === 32 /* space */) {
      this.oldLeft--;
      this.newLeft--;
      this.nextLine++;
    } else if (mark !== 92 /* \ No newline at end of file */) {
      return false;
    }
    return true;
  }

  private flush(): void {
    if (this.file !== undefined && this.lines.length > 0) {
      this.emit({
        path: this.file,
        text: this.lines.join('\n'),
        lineNumbers: this.numbers,
        commit: this.commit,
      });
    }
    this.lines = [];
    this.numbers = [];
  }
}

/** The new-side path of a `+++` line; undefined for a deleted file. */
function newPath(raw: string): string | undefined {
  const path = raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (path === '/dev/null') return undefined;
  return path.startsWith('b/') ? path.slice(2) : path;
}
