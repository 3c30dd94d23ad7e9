// Wording several rules share: a promise named by its id (a promise without one is still named).

import { code, join, t, value, type Message } from '../diagnostics/parts.js';

export const promiseSv = (id: string | undefined): Message => (id === undefined || id === '' ? t`Löftet` : t`Löftet ${code(id)}`);
export const promiseEn = (id: string | undefined): Message => (id === undefined || id === '' ? t`The promise` : t`Promise ${code(id)}`);

/** The words that decided a finding, each in quotes: "verka för", "vid behov". */
export const quoted = (phrases: readonly string[]): Message => join(phrases.map((p) => t`"${value(p)}"`), ', ');
