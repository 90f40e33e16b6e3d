import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { MetadataStorage as TypeStorage } from 'class-transformer/types/MetadataStorage';

// class-transformer keeps each @Type in this store (typed in types/storage.d.ts, not exported by its index): read
// here to know which DTO class a nested field holds.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeStorage };

/** A request DTO class. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type DtoClass = Function;
type Json = unknown;
type Path = readonly (string | number)[];

/** One wrong thing put into a valid body, and the JSON Pointer of where it is. */
export interface WrongBody {
  readonly pointer: string;
  readonly what: string;
  readonly body: Json;
}

export const rulesOf = (dto: DtoClass) => getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
export const nestedClassOf = (dto: DtoClass, property: string): DtoClass | undefined =>
  defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction() as DtoClass | undefined;

/** Properties a request must carry: those without IsOptional (of a ValidateIf pair, such as count or names, one must be there). */
export function requiredPropertiesOf(dto: DtoClass): Set<string> {
  const rules = rulesOf(dto);
  const optional = new Set(rules.filter((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION && r.name === 'isOptional').map((r) => r.propertyName));
  return new Set(rules.map((r) => r.propertyName).filter((p) => !optional.has(p)));
}

/** Every DTO class a command body can hold, the command's own first. */
export function dtoTree(dto: DtoClass, seen = new Set<DtoClass>()): Set<DtoClass> {
  seen.add(dto);
  for (const rule of rulesOf(dto).filter((r) => r.type === ValidationTypes.NESTED_VALIDATION)) {
    const nested = nestedClassOf(dto, rule.propertyName);
    if (nested && !seen.has(nested)) dtoTree(nested, seen);
  }
  return seen;
}

const DELETE = Symbol('delete');

function changedAt(body: Json, path: Path, change: (value: Json) => Json | typeof DELETE): Json {
  if (!path.length) return change(body);
  const copy = structuredClone(body) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1];
  const next = change(parent[last]);
  if (next === DELETE) delete parent[last];
  else parent[last] = next;
  return copy;
}

const pointerOf = (path: Path): string => `/${path.join('/')}`;
const IMPOSSIBLE_DATES = ['2021-02-29', '2021-13-01', '2021-04-31', '21-01-12', '2021-1-12', '12/01/2021'];

/**
 * Every wrong body one change away from a valid one, by the request's DTO: a list where one object belongs and
 * the reverse, a list for an item, an unknown field at any depth, a required field left out at any depth, a
 * number for a text, a text for a number, numbers out of range, impossible dates.
 */
export function wrongBodiesOf(body: Json, dto: DtoClass): WrongBody[] {
  const wrong: WrongBody[] = [];
  const add = (path: Path, what: string, change: (value: Json) => Json | typeof DELETE) => wrong.push({ pointer: pointerOf(path), what, body: changedAt(body, path, change) });
  const walk = (value: Json, path: (string | number)[], owner: DtoClass | undefined) => {
    if (Array.isArray(value)) {
      add(path, 'one object for a list', (list) => (list as Json[])[0] ?? {});
      value.forEach((item, index) => {
        if (typeof item === 'object' && item !== null) add([...path, index], 'a list for an item', (it) => [it]);
        walk(item, [...path, index], owner);
      });
      return;
    }
    if (typeof value === 'string') {
      add(path, 'a number for a text', () => 42);
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) for (const date of IMPOSSIBLE_DATES) add(path, `the impossible date ${date}`, () => date);
      return;
    }
    if (typeof value === 'number') {
      add(path, 'a text for a number', (n) => String(n));
      // Every number the API takes lies within [0, 1e15]: these are out of range wherever they are put.
      for (const out of [-1, 1e16, Number.MAX_SAFE_INTEGER * 8]) add(path, `the number ${out}`, () => out);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (path.length && typeof path[path.length - 1] === 'string') add(path, 'a list for one object', (object) => [object]);
    add([...path, 'unexpected'], 'an unknown field', () => 'x');
    const required = owner ? requiredPropertiesOf(owner) : new Set<string>();
    for (const [key, item] of Object.entries(value as Record<string, Json>)) {
      if (required.has(key)) add([...path, key], 'a required field left out', () => DELETE);
      walk(item, [...path, key], owner && nestedClassOf(owner, key));
    }
  };
  walk(body, [], dto);
  return wrong;
}

/** Whether an answer's errors name the place of a wrong body, or the list or object that holds it. */
export const namesThePlace = (errors: readonly { field: string }[] | undefined, pointer: string): boolean =>
  (errors ?? []).some(({ field }) => pointer === field || pointer.startsWith(`${field}/`));
