import { join } from 'node:path';
import { REPO_ROOT } from '../../repoRoot.js';
import { defineRoute, type HubRoute } from '../../net/routes.js';
import { sendAppIndex, staticRoute } from '../../net/staticFiles.js';

/** The citizen app's build (booking page and ticket status), served by the hub like the other apps. */
export const CITIZEN_DIST = join(REPO_ROOT, 'apps', 'citizen', 'dist');

/** `/citizen/…` (the app and its assets) and `/book/` (the public booking page). */
export function citizenAppRoutes(): HubRoute[] {
  return [
    staticRoute('/citizen', CITIZEN_DIST, true),
    // The app picks its screen from the URL: every /book/… path gets its index.html.
    defineRoute({ method: 'GET', url: '/book/*', handler: ({ reply }) => sendAppIndex(reply, CITIZEN_DIST) }),
  ];
}
