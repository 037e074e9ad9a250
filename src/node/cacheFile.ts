/**
 * What the caches under `.outside-in/` (or an editor's storage) share: a
 * first line with the SHA-256 of the rest, so a truncated, corrupt or
 * hand-edited file is never used, and writes to a temporary file renamed over
 * the old one, so a run that stops half way, or two runs at once, leave a
 * whole file or none.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Modification times this close to a run's start are not trusted: a file or
 * folder changed again within the file system's clock tick keeps its time
 * (git calls such entries "racily clean"), so they are looked at again next time.
 */
export const RACY_MS = 2000;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `json` under its checksum line. */
export function signed(json: string): string {
  return `${sha256(json)}\n${json}`;
}

/** The JSON after the checksum line, when the checksum holds; else an error. */
export function verified(text: string): string {
  const nl = text.indexOf('\n');
  const json = text.slice(nl + 1);
  if (nl < 0 || text.slice(0, nl) !== sha256(json)) throw new Error('damaged cache file');
  return json;
}

/** What keeps a cache's folder inside the scanned tree out of git. */
const GITIGNORE = '# Written by outside-in: a cache, never committed.\n*\n';

/** A temporary name beside `file`, unique to this write. */
function temporary(file: string): string {
  return `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
}

/**
 * Writes `body` to `file` atomically; inside the scanned tree (`inTree`) its
 * folder gets a `.gitignore` that keeps it out of git. A cache that cannot be
 * written only costs the next run time, so failures are swallowed.
 */
export function writeAtomically(file: string, body: string, inTree: boolean): void {
  const tmp = temporary(file);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const ignore = path.join(path.dirname(file), '.gitignore');
    if (inTree && !fs.existsSync(ignore)) fs.writeFileSync(ignore, GITIGNORE);
    fs.writeFileSync(tmp, body);
    fs.renameSync(tmp, file);
  } catch {
    // Even this may fail (a file where the folder should be): only time is lost.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing to clean */
    }
  }
}

/** `writeAtomically` with the writes on libuv's threads: an editor's extension host does not wait for the disk. */
export async function writeAtomicallyInBackground(
  file: string,
  body: string,
  inTree: boolean,
): Promise<void> {
  const tmp = temporary(file);
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    const ignore = path.join(path.dirname(file), '.gitignore');
    if (inTree && !fs.existsSync(ignore)) await fs.promises.writeFile(ignore, GITIGNORE);
    await fs.promises.writeFile(tmp, body);
    await fs.promises.rename(tmp, file);
  } catch {
    await fs.promises.rm(tmp, { force: true }).catch(() => undefined);
  }
}
