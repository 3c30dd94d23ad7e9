// Safe reads from documents that may not have passed their schema: rules never assume a shape.

export type Dict = Record<string, unknown>;

export function asDict(value: unknown): Dict | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Dict) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export interface Period {
  from: string;
  tom: string;
}

export function asPeriod(value: unknown): Period | undefined {
  const d = asDict(value);
  if (!d || !isIsoDate(d['from']) || !isIsoDate(d['tom'])) return undefined;
  return { from: d['from'], tom: d['tom'] };
}

/** Every string in a value with its path, keys included as their own path. */
export function* walkStrings(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; text: string }> {
  if (typeof value === 'string') {
    yield { path, text: value };
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walkStrings(value[i], [...path, i]);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      yield { path: [...path, k], text: k };
      yield* walkStrings(v, [...path, k]);
    }
  }
}

export function* walkObjects(value: unknown, path: (string | number)[] = []): Generator<{ path: (string | number)[]; dict: Dict }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* walkObjects(value[i], [...path, i]);
  } else {
    const d = asDict(value);
    if (!d) return;
    yield { path, dict: d };
    for (const [k, v] of Object.entries(d)) yield* walkObjects(v, [...path, k]);
  }
}
