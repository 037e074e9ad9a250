/**
 * Keeping needs-file text literal where VS Code reads `$(name)` as an icon.
 *
 * CodeLens titles, quick-pick labels, descriptions and details, and status-bar
 * text go through VS Code's `renderLabelWithIcons`, which turns `$(alert)` or
 * `$(loading~spin)` into an icon and `\$(alert)` into the literal `$(alert)`,
 * backslash dropped. So a backslash before each reference is what makes the
 * reader see exactly the text the needs file holds.
 */

/**
 * What VS Code 1.139 renders as an icon: `$(`, a name of ASCII letters, digits
 * and `-`, an optional `~modifier` of letters, `)`. Anything else (`$(a b)`,
 * `$(a~b~c)`, `$()`) already shows as typed, and a backslash there would show.
 * Linear: each `$(` is tried once and the name stops at the first other char.
 */
const ICON_REFERENCE = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/**
 * `text` with a backslash before every icon reference, so a label renderer
 * that supports icons shows it literally: `$(alert) Pay` -> `\$(alert) Pay`.
 *
 * Unlike VS Code's own `escapeIcons`, a reference that already follows a
 * backslash gets one more: that backslash is the customer's text, not our
 * escape, so `\$(alert)` becomes `\\$(alert)` and shows as `\$(alert)`.
 *
 * Only for surfaces that render icons: a plain-text one (a tooltip string, a
 * tree item label) would show the added backslash.
 */
export function escapeIconSyntax(text: string): string {
  return text.replace(ICON_REFERENCE, '\\$&');
}
