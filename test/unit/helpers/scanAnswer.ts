import type { ScanResult } from '../../../src/node/scan';

/**
 * The parts of a scan an answer is made of, each link with its need's title
 * in place of the need object: two scans that agree on this agree for users.
 */
export function scanAnswer(r: ScanResult): unknown {
  return {
    paths: r.paths,
    read: r.read,
    excluded: r.excluded,
    skipped: r.skipped,
    files: r.files.map((f) => ({
      path: f.path,
      links: f.links.map(({ need, ...l }) => ({ ...l, title: need.title })),
      unknown: f.unknown,
      retired: f.retired,
    })),
  };
}
