/**
 * Feature flags, flipped per market by the release team.
 * Keep names SCREAMING_SNAKE_CASE so they are easy to grep in dashboards.
 */
export const FLAGS = {
  SAVED_CARD_ENABLED: true,
  ONE_PAGE_CHECKOUT: true,
  LEGACY_PAYPAL_REDIRECT: false,
  SEARCH_TYPO_TOLERANCE: true,
} as const;

export type FlagName = keyof typeof FLAGS;

export function isEnabled(
  flag: FlagName,
  overrides: Partial<Record<FlagName, boolean>> = {},
): boolean {
  return overrides[flag] ?? FLAGS[flag];
}
