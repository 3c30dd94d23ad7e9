// The language server's own words (hover, rename, code actions), in Swedish and English.

import type { Lang } from '../diagnostics/messages/index.js';
import type { Kind } from '../model/kinds.js';

export interface LspWords {
  kind: Record<Kind, string>;
  promise: string;
  inFile(file: string, line: number): string;
  unknownId(id: string): string;
  renameNotId: string;
  renameInvalid(name: string): string;
  renameTaken(name: string, where: string): string;
  renameSame: string;
  replaceWith(text: string): string;
  disable(rule: string): string;
  reasonPlaceholder: string;
  create(kind: Kind, file: string): string;
}

const sv: LspWords = {
  kind: { Aktor: 'Aktör', Problembild: 'Problembild', Medborgarlofte: 'Medborgarlöfte', Uppfoljning: 'Uppföljning' },
  promise: 'Löfte',
  inFile: (file, line) => `${file}, rad ${line}`,
  unknownId: (id) => `Inget dokument i förrådet har id \`${id}\`.`,
  renameNotId: 'Här finns inget id att byta namn på. Ställ markören på ett id eller en hänvisning till ett.',
  renameInvalid: (name) => `"${name}" kan inte vara ett id: skriv kebab-case med små bokstäver a–z (utan å, ä, ö), siffror och bindestreck, t.ex. laxa-kommun.`,
  renameTaken: (name, where) => `Id "${name}" används redan (${where}). Välj ett annat.`,
  renameSame: 'Det nya id:t är detsamma som det gamla.',
  replaceWith: (text) => `Byt till ${text}`,
  disable: (rule) => `Stäng av ${rule} på nästa rad (med motivering)`,
  reasonPlaceholder: 'TODO skriv varför regeln inte gäller här',
  create: (kind, file) => `Skapa ${kind === 'Aktor' ? 'aktören' : 'problembilden'} i ${file}`,
};

const en: LspWords = {
  kind: { Aktor: 'Actor', Problembild: 'Problem description', Medborgarlofte: 'Citizen promise', Uppfoljning: 'Follow-up' },
  promise: 'Promise',
  inFile: (file, line) => `${file}, line ${line}`,
  unknownId: (id) => `No document in the repository has id \`${id}\`.`,
  renameNotId: 'There is no id to rename here. Put the cursor on an id or on a reference to one.',
  renameInvalid: (name) => `"${name}" cannot be an id: write kebab-case with lower-case a–z (no å, ä, ö), digits and hyphens, e.g. laxa-kommun.`,
  renameTaken: (name, where) => `Id "${name}" is already used (${where}). Choose another.`,
  renameSame: 'The new id is the same as the old one.',
  replaceWith: (text) => `Change to ${text}`,
  disable: (rule) => `Turn ${rule} off on the next line (with a reason)`,
  reasonPlaceholder: 'TODO say why the rule does not apply here',
  create: (kind, file) => `Create the ${kind === 'Aktor' ? 'actor' : 'problem description'} in ${file}`,
};

export function lspWords(lang: Lang): LspWords {
  return lang === 'en' ? en : sv;
}
