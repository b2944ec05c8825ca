import type { Command } from './commands.js';
import { commandSchemas, isCommandType } from './commands.js';
import type { DomainError } from './errors.js';
import { domainError } from './errors.js';

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: DomainError };

/** Validates a command from outside (socket, HTTP) against its schema. Never throws. */
export function parseCommand(input: unknown): ParsedCommand {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: domainError('BAD_REQUEST', { issue: 'command must be an object' }) };
  }
  const type = (input as { type?: unknown }).type;
  if (!isCommandType(type)) {
    return {
      ok: false,
      error: domainError('UNKNOWN_COMMAND', { type: typeof type === 'string' ? type.slice(0, 64) : null }),
    };
  }
  const parsed = commandSchemas[type].safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: domainError('BAD_REQUEST', {
        path: first ? first.path.join('.') : null,
        issue: first ? first.message.slice(0, 200) : null,
      }),
    };
  }
  return { ok: true, command: parsed.data as Command };
}
