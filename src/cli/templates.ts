// Fills lofte's templates (templates/init, templates/new) and turns names into ids.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Kind } from '../model/kinds.js';
import { referenceData } from '../model/reference-data.js';
import { packagePath } from '../paths.js';

/** "Laxå kommun" → "laxa-kommun": ASCII kebab-case, as ids must be. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Replaces `{{name}}`; an unknown placeholder is a bug in lofte, not something to write out. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{([a-z_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template placeholder {{${name}}} has no value`);
    return value;
  });
}

/** Every template file under a folder of templates/, as paths relative to it. */
export function templateFiles(folder: string, dir = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(packagePath('templates', folder, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...templateFiles(folder, rel));
    else out.push(rel);
  }
  return out.sort();
}

export const readTemplate = (folder: string, rel: string): string => readFileSync(packagePath('templates', folder, rel), 'utf8');

/** The path from a file's folder to the schemas folder, for its yaml-language-server modeline. */
export function schemaDirFor(rel: string, schemas = '.lofte/schemas'): string {
  const up = path.posix.relative(path.posix.dirname(rel), '.');
  return up === '' ? schemas : `${up}/${schemas}`;
}

/** An actor of the repository, as a new document's template names it. */
export interface TemplateActor {
  id?: string;
  value: Readonly<Record<string, unknown>>;
}

/** A new document's title until its author writes one: document text, so Swedish whatever the language of the tool. */
export const newDocumentTitle = (kind: Kind): string => `Ny ${kind === 'Aktor' ? 'aktör' : kind.toLowerCase()}`;

/**
 * The values a new document's template (templates/new) is filled with: its id and title, today's
 * date, and the repository's own lokalpolisområde and kommun where it has them. `lofte new` and the
 * language server's "create" action both use it.
 */
export function newDocumentValues(a: { id: string; titel: string; today: string; lpo?: TemplateActor; kommun?: TemplateActor; schemaDir: string }): Record<string, string> {
  const text = (v: unknown, fallback: string): string => (typeof v === 'string' ? v : fallback);
  const kod = text(a.kommun?.value['kommunkod'], '0000');
  const year = Number(a.today.slice(0, 4));
  return {
    id: a.id,
    // A title is user text: quoted, so any character is safe in YAML.
    titel: JSON.stringify(a.titel),
    idag: a.today,
    ar: String(year),
    nasta_ar: String(year + 1),
    lpo_id: a.lpo?.id ?? 'mitt-lpo',
    lpo_namn: text(a.lpo?.value['namn'], 'Lokalpolisområdet'),
    polisregion: text(a.lpo?.value['polisregion'], 'bergslagen'),
    kommun_id: a.kommun?.id ?? 'min-kommun',
    kommun_namn: text(a.kommun?.value['namn'], 'Kommunen'),
    kommun_kort: referenceData().kommuner.get(kod)?.namn ?? text(a.kommun?.value['namn'], 'Kommunen'),
    kommunkod: kod,
    schema_dir: a.schemaDir,
  };
}
