/** The version `outside-in --version` prints. */

// Replaced by the version in package.json when scripts/build.mjs bundles the
// CLI; the unbundled code (tests run it in-process from out/) has none.
declare const OUTSIDE_IN_VERSION: string | undefined;

export function cliVersion(): string {
  return typeof OUTSIDE_IN_VERSION === 'string' ? OUTSIDE_IN_VERSION : '0.0.0-unbundled';
}
