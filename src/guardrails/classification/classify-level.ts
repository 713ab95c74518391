/** A level's markers, compiled. */
export interface LevelMarkers {
  readonly level: string;
  readonly patterns: readonly RegExp[];
}

const REGEX_MARKER = /^\/(.+)\/([imsu]*)$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileMarker(marker: string): RegExp {
  const regex = REGEX_MARKER.exec(marker);
  if (regex) return new RegExp(regex[1] as string, regex[2]);
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(marker)}(?![\\p{L}\\p{N}_])`, 'u');
}

/**
 * Compiles configured markers: `/regex/flags` as written, anything else as
 * a case-sensitive literal between non-word characters ("SECRET" marks, the
 * "secret" of ordinary prose does not).
 * @returns one entry per level with markers, highest level first.
 * @throws SyntaxError when a `/regex/` marker does not compile.
 */
export function compileMarkers(levels: readonly string[],
  markers: Readonly<Record<string, readonly string[]>>): LevelMarkers[] {
  return [...levels].reverse().flatMap((level) => {
    const list = markers[level] ?? [];
    return list.length > 0 ? [{ level, patterns: list.map(compileMarker) }] : [];
  });
}

/**
 * The highest level whose markers appear in any of the texts.
 * @returns that level, or undefined when no marker appears.
 */
export function classifyLevel(texts: readonly string[],
  compiled: readonly LevelMarkers[]): string | undefined {
  for (const { level, patterns } of compiled) {
    if (patterns.some((pattern) => texts.some((text) => pattern.test(text)))) return level;
  }
  return undefined;
}
