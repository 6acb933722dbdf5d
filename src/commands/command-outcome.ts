import type { CommandOutcome } from '../domain/commands/context';
import type { Position } from '../eventstore/port';
import { comparePositions } from '../eventstore/position';
import type { StepResult } from './stream-step';

/**
 * The answer to a command: the revision of its target stream (the first
 * step) and the global position of the last event it wrote anywhere, so a
 * caller that waits for that position reads every effect of the command.
 */
export const outcomeOf = (
  steps: readonly StepResult[],
  ids: Readonly<Record<string, string>>,
): CommandOutcome => {
  const [target] = steps;
  if (!target || target.revision === undefined || target.position === undefined)
    throw new Error('A command outcome needs the target stream written');
  let position: Position = target.position;
  for (const step of steps)
    if (step.position && comparePositions(step.position, position) > 0)
      position = step.position;
  const wrote = steps.filter((step) => step.events.length > 0);
  return {
    stream: target.stream,
    revision: target.revision,
    position,
    events: wrote.flatMap((step) => step.events.map(({ id, type }) => ({ id, type }))),
    ids,
    replayed: wrote.every((step) => step.replayed),
  };
};
