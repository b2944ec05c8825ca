/**
 * The flags Node runs the hub with (and, below, its environment), wherever it is started: `npm start` (apps/hub/package.json), the systemd unit
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

/**
 * glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MB), so later blocks of that
 * size come from the main heap, and that heap is trimmed only from its top. In the bench the hub's main heap then
 * ended the day at 40-93 MB; with both thresholds fixed at 128 KiB it read 24-25 MB, and the fresh hub's 22 MB read
 * 7 MB (bench/results/explore-2026-12-04-stop26/malloc-thresholds/). glibc reads this only as the process starts, so it
 * is set by what starts the hub. Other C libraries (Windows, macOS, musl) ignore it.
 */
export const HUB_ENVIRONMENT = {
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072:glibc.malloc.trim_threshold=131072',
} as const;

/**
 * What of HUB_NODE_FLAGS and HUB_ENVIRONMENT this process was not started with: flags on its command line or in
 * NODE_OPTIONS, and the environment (glibc's tunables only where glibc is the C library, i.e. on Linux).
 */
export function missingNodeFlags(
  execArgv: readonly string[],
  env: Record<string, string | undefined>,
  platform: string = process.platform,
): string[] {
  const given = new Set([...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/).filter(Boolean)]);
  const missing: string[] = HUB_NODE_FLAGS.filter((flag) => !given.has(flag));
  if (platform === 'linux' && env.GLIBC_TUNABLES !== HUB_ENVIRONMENT.GLIBC_TUNABLES)
    missing.push(`GLIBC_TUNABLES=${HUB_ENVIRONMENT.GLIBC_TUNABLES}`);
  return missing;
}
