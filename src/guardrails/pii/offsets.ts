/** Offsets of every `needle` in `text` (a native search, not a regex scan). */
export function offsetsOf(text: string, needle: string): number[] {
  const offsets: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) offsets.push(i);
  return offsets;
}
