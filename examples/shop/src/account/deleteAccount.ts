import { postJson } from '../shared/http';

/** Orders are kept for tax law; everything else goes after the grace period. */
export const DELETE_ACCOUNT_GRACE_DAYS = 14;

export interface DeleteAccountRequest {
  readonly customerId: string;
  readonly reason?: 'too-many-emails' | 'privacy' | 'not-shopping-anymore' | 'other';
  /** Sent as a download link by email before anything is erased. */
  readonly wantsDataExport: boolean;
}

export interface DeleteAccountReceipt {
  readonly scheduledFor: string;
  readonly cancelLink: string;
}

/**
 * One screen, one button, no phone call and no "are you sure?" maze.
 * The reason is optional and never blocks the request.
 * @need delete-account
 */
export async function deleteAccount(request: DeleteAccountRequest): Promise<DeleteAccountReceipt> {
  if (request.wantsDataExport) {
    await requestDataExport(request.customerId);
  }
  return postJson<DeleteAccountReceipt>(`/customers/${request.customerId}/delete-account`, {
    reason: request.reason ?? null,
    grace_days: DELETE_ACCOUNT_GRACE_DAYS,
  });
}

export async function requestDataExport(customerId: string): Promise<void> {
  await postJson(`/customers/${customerId}/data-export`, {});
}
