import { join } from 'node:path';
import { REPO_ROOT } from '../repoRoot.js';
import { serveStatic, type Route, type RouteHandler } from '../net/httpServer.js';

/** The citizen app's build (booking page and ticket status), served by the hub like the other apps. */
export const CITIZEN_DIST = join(REPO_ROOT, 'apps', 'citizen', 'dist');

const serveCitizen = serveStatic(CITIZEN_DIST, '/citizen/', true);

/** Answers with the citizen app's index.html, whatever the path: the app picks its screen from the URL. */
export const serveCitizenIndex: RouteHandler = (req, res) =>
  serveCitizen(req, res, new URL('/citizen/page', 'http://hub.local'));

/** `/citizen/…` (the app and its assets) and `/book/` (the public booking page). */
export function citizenAppRoutes(): Route[] {
  return [
    { method: 'GET', path: '/citizen/', handler: serveCitizen },
    { method: 'GET', path: '/book/', handler: serveCitizenIndex },
  ];
}
