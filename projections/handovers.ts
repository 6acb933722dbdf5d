import { instantMs, noKeys, type ProjectionDefinition } from './definition';

export type HandoverStatus =
  | 'requested'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired';

export interface HandoverRecord {
  readonly handoverId: string;
  readonly clientId: string;
  readonly fromOwnerId: string;
  readonly toOwnerId: string;
  readonly requestedBy: string;
  readonly reason: string;
  readonly requestedAt: number;
  readonly expiresAt: number;
  status: HandoverStatus;
  decidedBy: string | null;
  decidedAt: number | null;
}

/** Every handover request and how it ended. */
export const handoversProjection: ProjectionDefinition<HandoverRecord> = {
  name: 'handovers',
  eventTypes: [
    'HandoverRequested',
    'HandoverApproved',
    'HandoverRejected',
    'HandoverCancelled',
    'HandoverExpired',
  ],
  version: 1,
  settingsKey: '',
  keysOf(event) {
    switch (event.type) {
      case 'HandoverRequested':
      case 'HandoverApproved':
      case 'HandoverRejected':
      case 'HandoverCancelled':
      case 'HandoverExpired':
        return [event.data.handoverId];
      default:
        return noKeys;
    }
  },
  evolve(handover, event) {
    if (event.type === 'HandoverRequested') {
      return {
        handoverId: event.data.handoverId,
        clientId: event.data.clientId,
        fromOwnerId: event.data.fromOwnerId,
        toOwnerId: event.data.toOwnerId,
        requestedBy: event.data.requestedBy,
        reason: event.data.reason,
        requestedAt: instantMs(event.data.occurredAt),
        expiresAt: instantMs(event.data.expiresAt),
        status: 'requested',
        decidedBy: null,
        decidedAt: null,
      };
    }
    if (!handover) return handover;
    const decide = (status: HandoverStatus, by: string | null) => {
      handover.status = status;
      handover.decidedBy = by;
      handover.decidedAt = instantMs(event.data.occurredAt);
      return handover;
    };
    switch (event.type) {
      case 'HandoverApproved':
        return decide('approved', event.data.approvedBy);
      case 'HandoverRejected':
        return decide('rejected', event.data.rejectedBy);
      case 'HandoverCancelled':
        return decide('cancelled', event.data.cancelledBy);
      case 'HandoverExpired':
        return decide('expired', null);
      default:
        return handover;
    }
  },
};
