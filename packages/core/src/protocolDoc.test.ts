import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandTypes } from './commands.js';
import { errorCodes } from './errors.js';
import { eventTypes } from './events.js';
import { httpRouteKeys } from './access.js';
import { clientEventNames, hubEventNames } from './protocol.js';

const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

describe('docs/protocol.md', () => {
  it.each(commandTypes)('documents the command %s', (type) => {
    expect(doc).toContain(`#### \`${type}\``);
  });

  it.each(eventTypes)('documents the event %s', (type) => {
    expect(doc).toContain(`#### \`${type}\``);
  });

  it.each(errorCodes)('documents the error code %s', (code) => {
    expect(doc).toContain(`| \`${code}\` |`);
  });

  it.each([...clientEventNames, ...hubEventNames])('documents the socket event %s', (name) => {
    expect(doc).toContain(`\`${name}`);
  });

  it.each(httpRouteKeys)('lists the HTTP route %s with its types', (key) => {
    expect(doc).toContain(`\`${key}\``);
  });

  it('documents the socket calls and the sync rules', () => {
    for (const call of [
      '`hello`',
      '`sync',
      '`command`',
      '`event`',
      '`pair.request',
      '`session.signIn',
      '`device.approve`',
      'requestId',
    ]) {
      expect(doc).toContain(call);
    }
  });
});
