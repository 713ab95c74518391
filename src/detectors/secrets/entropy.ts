/**
 * Shannon entropy of `value` in bits per character. A random base62 string
 * of 40 characters scores about 5; a word or a repeated pattern scores low,
 * which is how placeholders like `aaaaaaaa` are told apart from keys.
 */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;

  const counts = new Map<number, number>();
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }

  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
