import { z } from 'zod';

/**
 * The apps run under the hub's CSP (script-src 'self', no 'unsafe-eval'). Zod decides whether to
 * compile parsers with `new Function` when a schema is built, and that probe is reported as a CSP
 * violation; so this runs before any schema exists (first line of index.ts), everywhere alike.
 */
z.config({ jitless: true });

export const validatesWithoutEval = true;
