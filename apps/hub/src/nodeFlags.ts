/**
 * The flags Node runs the hub with, wherever it is started: `npm start` (apps/hub/package.json), the systemd unit
 * (deploy/motcua-hub.service), the Windows service (deploy/windows-service.md), and the tests' and bench's hub
 * processes (e2e/support/hubProcess.ts). nodeFlags.test.ts checks that each of them carries all of these.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 2 × 4 MB. V8 grows it to 2 × 16 MB under a burst of
 * commands and gives it back only once the hub is quiet, so a hub serving 1,000 clients read anywhere from 131 to
 * 152 MB fresh and 167 to 227 MB on a 20,000-ticket day, depending on when it was read; the bench's breakdown
 * (bench/memoryBreakdown.ts) showed the 32 MB young generation as the swing. Runs with and without the cap are in
 * bench/results/explore-2026-12-04-stop26/semi-space/ (docs/performance.md, stop 26).
 */
export const HUB_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=4'] as const;

/** The flags of HUB_NODE_FLAGS this process was not started with (on its command line or in NODE_OPTIONS). */
export function missingNodeFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  const given = new Set([...execArgv, ...(nodeOptions ?? '').split(/\s+/).filter(Boolean)]);
  return HUB_NODE_FLAGS.filter((flag) => !given.has(flag));
}
