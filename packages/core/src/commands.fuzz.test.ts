import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actors.js';
import { commandTypes } from './commands.js';
import { errorCodes } from './errors.js';
import { executeCommand } from './executeCommand.js';
import { stateHash } from './stateCodec.js';
import { admin, clerkAt, display, kiosk, ratingPadAt, system, TestDesk } from './testkit.js';

const desk = TestDesk.open();
const ticketId = desk.issue('khai-sinh');
desk.issue('ket-hon');
desk.callNext(1);
const baseState = desk.state;
const baseHash = stateHash(baseState);

const actors: Actor[] = [
  { kind: 'anonymous' },
  kiosk,
  display,
  ratingPadAt(1),
  clerkAt(1),
  clerkAt(2),
  { kind: 'user', userId: 'giamsat', role: 'supervisor', counterId: null, deviceId: null },
  admin,
  system,
];

/** Values that break naive code: wrong types, huge and odd strings, prototype keys, deep nesting. */
const nasty = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    null,
    undefined,
    NaN,
    Infinity,
    -1,
    1e308,
    '',
    ' ',
    'x'.repeat(100_000),
    '__proto__',
    'constructor',
    '../../etc/passwd',
    "'; DROP TABLE tickets; --",
    '\u0000',
    '\ud800',
    ticketId,
    'quay-1',
    'khai-sinh',
  ),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.constant([[[[[[[[[[[]]]]]]]]]]]),
);

/** A command of a real type with some fields replaced, removed or added. */
const mutatedCommand = fc
  .tuple(
    fc.constantFrom(...commandTypes),
    fc.dictionary(
      fc.constantFrom('counterId', 'ticketId', 'serviceId', 'priorityGroup', 'reason', 'score', 'office', 'user', 'x'),
      nasty,
      { maxKeys: 4 },
    ),
  )
  .map(([type, fields]) => ({ type, ...fields }) as unknown);

const anyInput = fc.oneof(mutatedCommand, nasty, fc.record({ type: nasty }));

describe('every command schema under random and malformed payloads', () => {
  it('never throws, answers every refusal with a known code and a message, and leaves the state untouched', () => {
    fc.assert(
      fc.property(anyInput, fc.constantFrom(...actors), (input, actor) => {
        const execution = executeCommand(baseState, input, actor, desk.now);
        if (!execution.ok) {
          expect(errorCodes).toContain(execution.error.code);
          expect(execution.error.message.length).toBeGreaterThan(3);
        } else {
          // Accepted: either events, or a no-op that leaves the state as it was (e.g. opening an open counter).
          expect(execution.state.seq).toBe(baseState.seq + execution.envelopes.length);
          if (execution.envelopes.length === 0) expect(execution.state).toBe(baseState);
        }
        // Pure: the state it was given is never mutated, accepted or not.
        expect(stateHash(baseState)).toBe(baseHash);
        expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});
