import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apply } from './apply.js';
import { domainEventSchema, eventTypes, type EventEnvelope } from './events.js';
import { stateCodec, type StateSnapshot } from './stateCodec.js';
import { canonicalJson } from './stateHash.js';

/** docs/protocol-vectors/: (state, event) -> expected state, written by scripts/protocolVectors.ts. */
const dir = new URL('../../../docs/protocol-vectors/', import.meta.url);
const all = readdirSync(dir).filter((file) => file.endsWith('.json'));
const sequences = all.filter((file) => file.startsWith('sequence--'));
const files = all.filter((file) => !sequences.includes(file));
const doc = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');

interface Vector {
  description: string;
  state: StateSnapshot;
  envelope: EventEnvelope;
  expected: StateSnapshot;
}

interface Sequence {
  description: string;
  state: StateSnapshot;
  envelopes: EventEnvelope[];
  expected: StateSnapshot;
}

const read = <T = Vector>(file: string): T => JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as T;
const typeOfFile = (file: string) => file.slice(0, file.indexOf('--'));

describe('docs/protocol-vectors', () => {
  it.each(files)('%s folds to its expected state through apply', (file) => {
    const vector = read(file);
    const known = (eventTypes as string[]).includes(vector.envelope.event.type);
    // A third party receives exactly these envelopes: the known ones must be valid events of the protocol.
    if (known) expect(domainEventSchema.safeParse(vector.envelope.event).success).toBe(true);
    expect(typeOfFile(file)).toBe(vector.envelope.event.type);
    expect(vector.envelope.seq).toBe(vector.state.seq + 1);
    const next = apply(stateCodec.fromSnapshot(vector.state), vector.envelope);
    expect(JSON.parse(stateCodec.canonicalJson(next))).toEqual(JSON.parse(canonicalJson(vector.expected)));
  });

  it.each(sequences)('%s folds, event after event, to its expected state', (file) => {
    const sequence = read<Sequence>(file);
    let state = stateCodec.fromSnapshot(sequence.state);
    for (const envelope of sequence.envelopes) {
      expect(domainEventSchema.safeParse(envelope.event).success).toBe(true);
      expect(envelope.seq).toBe(state.seq + 1);
      state = apply(state, envelope);
    }
    expect(JSON.parse(stateCodec.canonicalJson(state))).toEqual(JSON.parse(canonicalJson(sequence.expected)));
  });

  it.each(eventTypes)('has a vector for %s, and docs/protocol.md says what it changes', (type) => {
    expect(files.some((file) => typeOfFile(file) === type)).toBe(true);
    expect(doc).toContain(`| \`${type}\` |`);
  });
});
