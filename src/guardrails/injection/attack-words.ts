/**
 * Words nearly every override or extraction needs. A disguise must hide
 * them, so they give it away once undone: written backwards or in rot13
 * (encoded-payloads), or run together in a sentence spelled out letter by
 * letter (obfuscated-text).
 */
export const ATTACK_WORDS: readonly string[] = ['ignore', 'instructions', 'disregard',
  'previous', 'prompt', 'password', 'reveal', 'forget', 'bypass', 'override', 'system', 'secret'];
