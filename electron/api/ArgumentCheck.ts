// Checks of one API argument's shape, composable, each refusing with the dotted path of what is wrong.
import { UserError } from '../engine/UserError';

/** Throws UserError('invalid_argument') unless `value` has the shape; `at` names it in the message. */
export type ArgumentCheck = (value: unknown, at: string) => void;

const MAX_TEXT = 16 * 1024 * 1024;

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function refuseArgument(at: string, expected: string, value: unknown): never {
  throw new UserError(`${at} must be ${expected}, not ${show(value)}`, 'invalid_argument');
}

/** A string; `nonEmpty` refuses '' and text of spaces only (names, paths, keys). */
export function checkString(options: { nonEmpty: boolean; max?: number }): ArgumentCheck {
  const max = options.max ?? MAX_TEXT;
  return (value, at) => {
    if (typeof value !== 'string') refuseArgument(at, 'a string', value);
    if (options.nonEmpty && value.trim() === '') refuseArgument(at, 'a non-empty string', value);
    if (value.length > max) refuseArgument(at, `at most ${max} characters long`, `${value.length} characters`);
  };
}

export const checkName = checkString({ nonEmpty: true, max: 4096 });

export function checkOneOf(allowed: readonly string[]): ArgumentCheck {
  return (value, at) => {
    if (typeof value !== 'string' || !allowed.includes(value)) refuseArgument(at, `one of ${allowed.join(', ')}`, value);
  };
}

export const checkBoolean: ArgumentCheck = (value, at) => {
  if (typeof value !== 'boolean') refuseArgument(at, 'true or false', value);
};

export function checkWholeNumber(min: number, max: number): ArgumentCheck {
  return (value, at) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      refuseArgument(at, `a whole number from ${min} to ${max}`, value);
    }
  };
}

export function checkList(item: ArgumentCheck, maxItems: number): ArgumentCheck {
  return (value, at) => {
    if (!Array.isArray(value)) refuseArgument(at, 'a list', value);
    if (value.length > maxItems) refuseArgument(at, `a list of at most ${maxItems}`, value);
    value.forEach((element: unknown, i) => item(element, `${at}[${i}]`));
  };
}

/** An object whose values are all strings (a field -> column mapping). */
export function checkStringRecord(key: ArgumentCheck, entry: ArgumentCheck): ArgumentCheck {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuseArgument(at, 'an object of strings', value);
    for (const [k, v] of Object.entries(value)) {
      key(k, `${at} key`);
      entry(v, `${at}.${k}`);
    }
  };
}

interface Field {
  check: ArgumentCheck;
  optional?: boolean;
}

/** A plain object with exactly these keys; an optional key may be absent or undefined. */
export function checkObject(fields: Record<string, Field>): ArgumentCheck {
  return (value, at) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuseArgument(at, 'an object', value);
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record).find((k) => !Object.hasOwn(fields, k));
    if (unknown !== undefined) {
      throw new UserError(`${at} has an unknown key '${unknown}'; expected: ${Object.keys(fields).join(', ')}`, 'invalid_argument');
    }
    for (const [name, field] of Object.entries(fields)) {
      const v = record[name];
      if (v === undefined && field.optional) continue;
      field.check(v, `${at}.${name}`);
    }
  };
}

/** null, or a value that passes `check`. */
export function checkNullable(check: ArgumentCheck): ArgumentCheck {
  return (value, at) => {
    if (value !== null) check(value, at);
  };
}

export const mustHave = (check: ArgumentCheck): Field => ({ check });
export const mayHave = (check: ArgumentCheck): Field => ({ check, optional: true });
