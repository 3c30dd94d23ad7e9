// Internalized strings: V8 compares them by identity, so a key looked up on every run (watch mode
// looks up thousands of ids each time) is never compared character by character. Object keys are
// internalized; this is the one way JavaScript has to ask for it.

export function interned(text: string): string {
  return Object.keys({ [text]: 0 })[0] ?? text;
}
