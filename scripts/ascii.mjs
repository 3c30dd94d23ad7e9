// Build step helper: a generated JavaScript file in ASCII only, which src/cli/start.cts reads as
// one-byte text (decoding UTF-8 took about 10 ms of every start for the bundle; Node 20 has no fast
// path for text that is not ASCII, and the source, a two-byte string, took twice the memory).
// esbuild escapes strings and identifiers itself; it leaves Swedish in template literals, regular
// expressions and comments as it is, and ajv's standalone code keeps the schemas' texts. A \uXXXX
// escape means the same character in each of those, except in a template's raw text (no tag in
// lofte reads it: `t` in src/diagnostics/parts.ts takes the cooked strings). What cannot be
// escaped safely is refused: a character after a backslash, a line or paragraph separator (which
// ends a // comment, where its escape would not), a character outside the BMP (an identifier
// cannot be written as its two halves).
import { readFileSync, writeFileSync } from 'node:fs';

/** Rewrites `file` in ASCII; exits the build with a message where that cannot be done safely. */
export function writeAscii(file, label) {
  const source = readFileSync(file, 'utf8');
  const unsafe = /\\[^\x00-\x7f]|[\u2028\u2029]|[\ud800-\udfff]/.exec(source);
  if (unsafe) {
    process.stderr.write(`${label}: ${JSON.stringify(unsafe[0])} at ${unsafe.index} of ${file} cannot be escaped to ASCII safely\n`);
    process.exit(1);
  }
  const ascii = source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, ascii);
  return ascii;
}
