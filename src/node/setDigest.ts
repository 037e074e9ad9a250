/**
 * A digest of what a needs set answers from: every scope's needs file, by
 * path and by the model read from it (not its text: an editor answers from
 * the last good version of a file with an error). For keying a scan cache
 * where no needs file's text is at hand. Hashed need by need, yielding to
 * the event loop between slices: a big needs file's model is megabytes of
 * JSON, more than an editor may block on at once.
 */
import { createHash } from 'node:crypto';
import type { NeedsSet } from '../core/needsSet';
import { runInSlices } from './slices';

export function setDigest(set: NeedsSet, extra: string): Promise<string> {
  return runInSlices(digestOf(set, extra));
}

function* digestOf(set: NeedsSet, extra: string): Generator<void, string> {
  const h = createHash('sha256');
  h.update(`${extra}\0`);
  const add = (value: unknown): void => {
    h.update(JSON.stringify(value, plain) ?? 'undefined');
    h.update('\0');
  };
  for (const scope of set.scopes) {
    const { needs, ...rest } = scope.index.file;
    add([scope.needsFile, scope.dir, rest]);
    yield;
    for (const need of needs) {
      add(need);
      yield;
    }
  }
  return h.digest('hex');
}

/** Maps and Sets as entry lists: JSON would write them as `{}`. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value.entries()];
  if (value instanceof Set) return [...value.values()];
  return value;
}
