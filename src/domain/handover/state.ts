import type { HandoverEvent } from '../events/catalogue';

export type HandoverStatus =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired';

export interface RequestedHandover {
  readonly status: HandoverStatus;
  readonly handoverId: string;
  readonly clientId: string;
  readonly fromOwnerId: string;
  readonly toOwnerId: string;
  readonly requestedBy: string;
  readonly expiresAt: string;
}

export type HandoverState = { readonly status: 'none' } | RequestedHandover;

export const initialHandoverState: HandoverState = { status: 'none' };

const endings: Record<
  Exclude<HandoverEvent['type'], 'HandoverRequested'>,
  HandoverStatus
> = {
  HandoverApproved: 'approved',
  HandoverRejected: 'rejected',
  HandoverCancelled: 'cancelled',
  HandoverExpired: 'expired',
};

export const evolveHandover = (
  state: HandoverState,
  event: HandoverEvent,
): HandoverState => {
  if (event.type === 'HandoverRequested') {
    const { handoverId, clientId, fromOwnerId, toOwnerId, requestedBy, expiresAt } =
      event.data;
    return {
      status: 'requested',
      ...{ handoverId, clientId, fromOwnerId, toOwnerId, requestedBy, expiresAt },
    };
  }
  if (state.status === 'none') return state;
  return { ...state, status: endings[event.type] };
};
