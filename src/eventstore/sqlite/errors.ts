import { CustodyError } from '../../errors';

/**
 * An event id the embedded store has already recorded in another stream.
 * Event ids are unique across the whole log here, so reusing one elsewhere is
 * a conflict rather than a silent second copy.
 */
export class DuplicateEventIdError extends CustodyError {
  constructor(
    readonly id: string,
    readonly stream: string,
    readonly existingStream: string,
  ) {
    super(
      'conflict',
      'store.duplicate-event-id',
      `Event id ${id} is already recorded in stream ${existingStream}`,
      { details: { id, stream, existingStream } },
    );
    this.name = 'DuplicateEventIdError';
  }
}
