// duplicate-id, unresolved-reference, reference-kind: what the links stage finds between documents.

import { defineCode } from '../define.js';
import { code, t } from '../parts.js';
import { codes, didYouMeanEn, didYouMeanSv, kindEn, kindSv } from './words.js';

type DuplicateArgs = { id: string; scope: 'repository' } | { id: string; scope: 'document'; document?: string };

export const duplicateId = defineCode<DuplicateArgs>()({
  code: 'duplicate-id',
  severity: 'error',
  stage: 'links',
  summary: 'samma id två gånger i förrådet (eller samma löftes-id i ett dokument)',
  words: {
    sv: {
      title: 'Samma id två gånger',
      message: (a) => (a.scope === 'document' ? t`Löftet ${code(a.id)} finns två gånger i ${a.document === undefined ? t`dokumentet` : code(a.document)}.` : t`Id ${code(a.id)} används redan.`),
      hint: (a) => (a.scope === 'document' ? t`Löftens id måste vara unika inom dokumentet. Byt id på ett av dem.` : t`Id måste vara unika i hela förrådet. Byt id på ett av dokumenten.`),
    },
    en: {
      title: 'Duplicate id',
      message: (a) => (a.scope === 'document' ? t`Promise ${code(a.id)} appears twice in ${a.document === undefined ? t`the document` : code(a.document)}.` : t`Id ${code(a.id)} is already used.`),
      hint: (a) => (a.scope === 'document' ? t`Promise ids must be unique within their document.` : t`Ids must be unique across the repository.`),
    },
  },
  samples: [
    { id: 'polisen', scope: 'repository' },
    { id: 'trafikkontroller', scope: 'document', document: 'laxa-2026' },
  ],
});

/** The id, the kind (and actor type) the field needs, and ids that would fit. */
type Expected = { id: string; expectedKind: string; expectedTyp?: string; suggestions: readonly string[] };
/** `maybeIn`: files that could not be read and may define the id (set by links/cascade.ts). */
type UnresolvedArgs = Expected & { maybeIn?: readonly string[] };

export const unresolvedReference = defineCode<UnresolvedArgs>()({
  code: 'unresolved-reference',
  severity: 'error',
  stage: 'links',
  summary: 'en hänvisning till ett id som inte finns (med förslag)',
  words: {
    sv: {
      title: 'Hänvisning till id som inte finns',
      message: (a) => t`${code(a.id)} finns inte: det ska vara id för ${kindSv(a.expectedKind, a.expectedTyp)}.`,
      hint: (a) =>
        a.maybeIn !== undefined
          ? t`${codes(a.maybeIn)} kan inte läsas och kan definiera id:t: rätta ${a.maybeIn.length === 1 ? 'den filen' : 'de filerna'} först.`
          : (didYouMeanSv(a.suggestions) ?? t`Rätta stavningen eller skapa dokumentet.`),
    },
    en: {
      title: 'Reference to a missing id',
      message: (a) => t`${code(a.id)} does not exist: it should be the id of ${kindEn(a.expectedKind, a.expectedTyp)}.`,
      hint: (a) =>
        a.maybeIn !== undefined
          ? t`${codes(a.maybeIn)} cannot be read and may define the id: fix ${a.maybeIn.length === 1 ? 'that file' : 'those files'} first.`
          : (didYouMeanEn(a.suggestions) ?? t`Fix the spelling or create the document.`),
    },
  },
  samples: [
    { id: 'polisen-laxa', expectedKind: 'Aktor', suggestions: ['polis-laxa', 'polis-askersund'] },
    { id: 'laxa', expectedKind: 'Aktor', expectedTyp: 'kommun', suggestions: [] },
    { id: 'lpo', expectedKind: 'Aktor', expectedTyp: 'lokalpolisomrade', suggestions: [] },
    { id: 'pb', expectedKind: 'Problembild', suggestions: [], maybeIn: ['trasig.yaml'] },
    { id: 'ml', expectedKind: 'Medborgarlofte', suggestions: [], maybeIn: ['a.yaml', 'b.md'] },
    { id: 'up', expectedKind: 'Uppfoljning', suggestions: [] },
    { id: 'polis', expectedKind: 'Aktor', expectedTyp: 'polis', suggestions: [] },
  ],
});

type KindArgs = Expected & { actualKind: string; actualTyp?: string };

export const referenceKind = defineCode<KindArgs>()({
  code: 'reference-kind',
  severity: 'error',
  stage: 'links',
  summary: 'en hänvisning till fel sorts dokument eller aktör',
  words: {
    sv: {
      title: 'Hänvisning till fel sorts dokument',
      message: (a) => t`${code(a.id)} är ${kindSv(a.actualKind, a.actualTyp)}, men här krävs ${kindSv(a.expectedKind, a.expectedTyp)}.`,
      hint: (a) => didYouMeanSv(a.suggestions) ?? t`Ange id för ${kindSv(a.expectedKind, a.expectedTyp)}.`,
    },
    en: {
      title: 'Reference to the wrong kind',
      message: (a) => t`${code(a.id)} is ${kindEn(a.actualKind, a.actualTyp)}, but ${kindEn(a.expectedKind, a.expectedTyp)} is required here.`,
      hint: (a) => didYouMeanEn(a.suggestions),
    },
  },
  samples: [
    { id: 'polisen', expectedKind: 'Aktor', expectedTyp: 'kommun', actualKind: 'Aktor', actualTyp: 'polis', suggestions: ['laxa-kommun'] },
    { id: 'narkotika', expectedKind: 'Aktor', actualKind: 'Problembild', suggestions: [] },
  ],
});
