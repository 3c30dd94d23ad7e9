// The codes found before the rules run (load, schema, links), in the catalog's order.

import { config, schema } from './schema.js';
import { fileTooLarge, fileUnreadable, limitExceeded } from './files.js';
import { invalidDisable } from './invalid-disable.js';
import { duplicateId, referenceKind, unresolvedReference } from './links.js';
import { yamlSyntax } from './yaml-syntax.js';

/** Findings in the documents themselves, before the rules'. */
export const STAGE_CODES = [yamlSyntax, fileUnreadable, fileTooLarge, limitExceeded, schema, duplicateId, unresolvedReference, referenceKind] as const;

/** Findings in what steers lofte (its disable comments and config), listed after the rules'. */
export const SETUP_CODES = [invalidDisable, config] as const;
