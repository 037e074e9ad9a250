/**
 * VS Code versions, for features whose API is newer than the oldest editor
 * `engines.vscode` admits: the adapters ask before they register, because some
 * APIs exist in an older editor in an earlier shape that throws when called.
 */

/** The first VS Code whose stable API offers MCP server definition providers. */
export const MCP_PROVIDER_MIN_VERSION = '1.101.0';

/**
 * Whether `version` (as `vscode.version` spells it: `1.100.3`,
 * `1.101.0-insider`) is `minimum` or newer. Only major, minor and patch count:
 * an insider build of 1.101 has 1.101's API. A version that is not
 * `major.minor.patch` is not trusted to have anything: false.
 */
export function editorVersionAtLeast(version: string, minimum: string): boolean {
  const have = versionParts(version);
  const want = versionParts(minimum);
  if (have === undefined || want === undefined) return false;
  for (let i = 0; i < 3; i++) {
    const h = have[i] ?? 0;
    const w = want[i] ?? 0;
    if (h !== w) return h > w;
  }
  return true;
}

function versionParts(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
