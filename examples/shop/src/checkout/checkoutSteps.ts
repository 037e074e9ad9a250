import { isEnabled } from '../shared/flags';

/**
 * The steps a customer walks through at checkout. Every step we add costs
 * conversions on mobile, so the list is short on purpose.
 */
export type CheckoutStep = 'address' | 'delivery' | 'payment' | 'review';

export interface CheckoutState {
  readonly hasSavedAddress: boolean;
  readonly hasSavedCard: boolean;
  readonly isGuest: boolean;
}

export function checkoutStepsFor(state: CheckoutState): CheckoutStep[] {
  if (isEnabled('ONE_PAGE_CHECKOUT') && state.hasSavedAddress && state.hasSavedCard) {
    // Returning shopper with everything on file: one review screen and a Pay button.
    return ['review'];
  }
  const steps: CheckoutStep[] = [];
  if (!state.hasSavedAddress || state.isGuest) {
    steps.push('address');
  }
  steps.push('delivery', 'payment', 'review');
  return steps;
}

export function nextStep(
  steps: readonly CheckoutStep[],
  current: CheckoutStep,
): CheckoutStep | 'done' {
  const index = steps.indexOf(current);
  return steps[index + 1] ?? 'done';
}
