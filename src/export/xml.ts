// Text in XML (Atom, RDF/XML): escaped, and without the characters XML 1.0 does not allow at all.

/** Characters XML 1.0 forbids even as references: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/F. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
