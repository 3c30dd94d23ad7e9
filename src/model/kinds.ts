// The four kinds of lofte document and the format version this release reads.

export const KINDS = ['Aktor', 'Problembild', 'Medborgarlofte', 'Uppfoljning'] as const;
export type Kind = (typeof KINDS)[number];

export const API_VERSION = 'lofte/v1';
export const API_PREFIX = 'lofte/';

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/** Text that marks a file as meant for lofte, used only to decide whether a broken file is ours. */
export const LOFTE_MARKER =
  /^[ \t]*(?:-[ \t]+)?(?:apiVersion[ \t]*:[ \t]*["']?lofte\/|kind[ \t]*:[ \t]*["']?(?:Aktor|Problembild|Medborgarlofte|Uppfoljning)\b)/m;
