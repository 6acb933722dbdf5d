import { authorisationMatrix } from '../../../domain/authorisation';
import type { CommandType } from '../../../domain/commands/commands';
import { type Role, roleSchema } from '../../../domain/events/primitives';

/**
 * Which roles may send a command over HTTP at all, read from the domain's
 * authorisation matrix so that the two never disagree. This is the coarse
 * gate (403 before the body is read); the command bus checks the rest (only
 * the owner or a manager may release, and so on).
 */
export const rolesFor = (type: CommandType): readonly Role[] =>
  roleSchema.options.filter((role) => authorisationMatrix[role].commands.includes(type));
