import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/**
 * Where a process's resident memory (RSS) is, from /proc/<pid>/smaps:
 * - `nodeBinaryMb`: the pages of Node's own executable it has touched (file pages, shared with every Node process);
 * - `mallocMainHeapMb`: glibc malloc's main heap (`[heap]`, the brk area: native allocations of the main thread);
 * - `anonymousMb`: every other anonymous mapping: V8's heap, malloc's per-thread arenas, large mmapped buffers;
 * - `otherFilesMb`: shared libraries and other mapped files.
 */
export interface ResidentBreakdown {
  rssMb: number;
  nodeBinaryMb: number;
  mallocMainHeapMb: number;
  anonymousMb: number;
  otherFilesMb: number;
}

export function residentBreakdown(pid: number): ResidentBreakdown {
  const kb = { nodeBinary: 0, mallocMainHeap: 0, anonymous: 0, otherFiles: 0 };
  const executable = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
  let kind: keyof typeof kb = 'anonymous';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) {
      const name = mapping[1] ?? '';
      kind =
        name === ''
          ? 'anonymous'
          : name === '[heap]'
            ? 'mallocMainHeap'
            : name.startsWith('[')
              ? 'anonymous'
              : name === executable || name.endsWith('/bin/node')
                ? 'nodeBinary'
                : 'otherFiles';
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kb[kind] += Number(rss[1]);
  }
  return {
    rssMb: mb(kb.nodeBinary + kb.mallocMainHeap + kb.anonymous + kb.otherFiles),
    nodeBinaryMb: mb(kb.nodeBinary),
    mallocMainHeapMb: mb(kb.mallocMainHeap),
    anonymousMb: mb(kb.anonymous),
    otherFilesMb: mb(kb.otherFiles),
  };
}

/** V8's heap as the process reports it: committed (resident or about to be) and used, in all and per space. */
export interface V8HeapReport {
  committedMb: number;
  usedMb: number;
  externalMb: number;
  spaces: Record<string, { committedMb: number; usedMb: number }>;
}

interface NodeReport {
  javascriptHeap: {
    totalCommittedMemory: number;
    usedMemory: number;
    externalMemory?: number;
    heapSpaces: Record<string, { committedMemory: number; used: number }>;
  };
}

/** Node flags that make a process write a diagnostic report into `dir` on SIGUSR2. */
export const reportOnSignalArgs = (dir: string) => [
  '--report-on-signal',
  '--report-signal=SIGUSR2',
  `--report-directory=${dir}`,
];

/**
 * Asks a process started with `reportOnSignalArgs(dir)` for a diagnostic report (`process.report`) and reads its
 * heap figures; the report file is removed. Null when none is written within 10 s.
 */
export async function v8HeapReport(pid: number, dir: string): Promise<V8HeapReport | null> {
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const written = readdirSync(dir).find((f) => f.endsWith('.json') && !before.has(f));
    if (!written) continue;
    const path = join(dir, written);
    let report: NodeReport;
    try {
      report = JSON.parse(readFileSync(path, 'utf8')) as NodeReport;
    } catch {
      continue; // still being written
    }
    rmSync(path, { force: true });
    const heap = report.javascriptHeap;
    const toMb = (bytes: number) => Math.round(bytes / 104857.6) / 10;
    return {
      committedMb: toMb(heap.totalCommittedMemory),
      usedMb: toMb(heap.usedMemory),
      externalMb: toMb(heap.externalMemory ?? 0),
      spaces: Object.fromEntries(
        Object.entries(heap.heapSpaces)
          .filter(([, space]) => space.committedMemory > 0)
          .map(([name, space]) => [name, { committedMb: toMb(space.committedMemory), usedMb: toMb(space.used) }]),
      ),
    };
  }
  return null;
}

/** One line for the bench's output. */
export function describeMemory(resident: ResidentBreakdown, heap: V8HeapReport | null): string {
  const v8 = heap
    ? `V8 heap committed ${heap.committedMb} (used ${heap.usedMb}; ${Object.entries(heap.spaces)
        .map(([name, s]) => `${name.replace(/_space$/, '')} ${s.committedMb}`)
        .join(', ')}), external ${heap.externalMb}`
    : 'V8 heap: no report';
  return (
    `RSS ${resident.rssMb} MB = node binary ${resident.nodeBinaryMb} + malloc main heap ${resident.mallocMainHeapMb} + ` +
    `other anonymous ${resident.anonymousMb} + other files ${resident.otherFilesMb}; ${v8}`
  );
}
