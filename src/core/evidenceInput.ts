/**
 * The checks "Record Evidence..." runs on what the user types, the same the
 * loader applies to the needs file (docs/needs-file.md), so a recorded piece
 * of evidence never turns into a problem; and today's date as it is written.
 */
import { dayNumber } from './dates';

/** `now` as `YYYY-MM-DD` in the user's own time zone: the day they heard it. */
export function localIsoDate(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Why `text` is not an evidence date (empty is fine: the date is optional), or undefined. */
export function dateProblem(text: string): string | undefined {
  if (text === '' || dayNumber(text) !== undefined) return undefined;
  return 'Write a calendar date as YYYY-MM-DD, or leave it empty.';
}

/** Why `text` is not an evidence URL (empty is fine), or undefined. */
export function urlProblem(text: string): string | undefined {
  if (text === '' || /^https?:\/\/[^\s]+$/i.test(text)) return undefined;
  return 'A URL starts with http:// or https:// and has no spaces; or leave it empty.';
}

/** Why `text` cannot be the source (where the evidence was heard), or undefined. */
export function sourceProblem(text: string): string | undefined {
  return text.trim() === ''
    ? 'Say where it was heard: a survey, a ticket, an interview...'
    : undefined;
}
