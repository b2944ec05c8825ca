import { describe, expect, it } from 'vitest';
import { admin, TestDesk } from './testkit.js';

describe('ids', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'refuses %s, which would name a member of every plain object in the state',
    (id) => {
      const desk = TestDesk.open();
      const seq = desk.state.seq;
      expect(desk.tryRun({ type: 'counter.open', counterId: id }, admin)).toEqual({ ok: false, code: 'BAD_REQUEST' });
      expect(desk.state.seq).toBe(seq);
    },
  );
});
