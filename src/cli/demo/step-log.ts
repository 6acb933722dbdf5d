import type { Command, CommandContext } from '../../domain/commands';
import { deterministicUlid } from '../import/deterministic-ids';
import type { DemoPerson, DemoStep } from './demo-types';

export const dayMs = 86_400_000;

/** Collects the simulated history's commands, each with a command id derived from the seed. */
export class StepLog {
  readonly steps: DemoStep[] = [];
  private counter = 0;

  constructor(
    private readonly seed: number,
    private readonly start: number,
  ) {}

  /** An id derived from the seed and what it names, the same on every run. */
  id(...parts: readonly (string | number)[]): string {
    return deterministicUlid('demo', String(this.seed), ...parts.map(String));
  }

  instant(day: number, minuteOfDay: number): number {
    return this.start + day * dayMs + minuteOfDay * 60_000;
  }

  iso(at: number): string {
    return new Date(at).toISOString();
  }

  add(
    at: number,
    key: string,
    command: Command,
    actor: DemoPerson | null,
    options: {
      readonly barrier?: boolean;
      readonly source?: CommandContext['source'];
    } = {},
  ): void {
    this.counter += 1;
    this.steps.push({
      at,
      key,
      barrier: options.barrier ?? false,
      command,
      actor: actor === null ? null : { personId: actor.id, role: actor.role },
      source: options.source ?? 'cli',
      commandId: this.id('command', this.counter),
    });
  }
}
