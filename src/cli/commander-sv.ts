// Commander words its own errors in English; lofte's users read Swedish.

const TRANSLATIONS: readonly [RegExp, string][] = [
  [/^error: unknown option '(.+?)'/, "okänd flagga '$1'"],
  [/^error: unknown command '(.+?)'/, "okänt kommando '$1'"],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\./, "ogiltigt värde '$2' för '$1'. Tillåtna värden: $3."],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. (.+)/, "ogiltigt värde '$2' för '$1': $3"],
  [/^error: option '(.+?)' argument missing/, "flaggan '$1' saknar värde"],
  [/^error: too many arguments.*/, 'för många argument'],
  [/^error: required option '(.+?)' not specified/, "flaggan '$1' måste anges"],
  [/^error: missing required argument '(.+?)'/, "argumentet '$1' saknas"],
  [/\(Did you mean (.+?)\?\)/, '(Menade du $1?)'],
];

export function commanderMessage(text: string, lang: 'sv' | 'en'): string {
  let out = text.trim();
  if (lang === 'sv') for (const [pattern, replacement] of TRANSLATIONS) out = out.replace(pattern, replacement);
  return out.replace(/^error: /, '');
}
