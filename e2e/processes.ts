// Processes the tests act on through /proc: the app server (stopped and resumed with SIGSTOP and
// SIGCONT, the way a hung server looks to a browser) and Chromium renderers (killed, as in a crash).
// pidListeningOn finds the process that accepts connections on a port.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const columns = line.trim().split(/\s+/);
      const localPort = Number.parseInt(columns[1]?.split(':')[1] ?? '', 16);
      // State 0A is LISTEN.
      if (localPort === port && columns[3] === '0A' && columns[9]) inodes.add(columns[9]);
    }
  }
  return inodes;
}

export function pidListeningOn(port: number): number {
  const inodes = listeningInodes(port);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  throw new Error(`No process is listening on port ${port}.`);
}

/** Runs `work` with the app server frozen; it is always resumed afterwards. */
export async function withServerStopped<T>(port: number, work: () => Promise<T>): Promise<T> {
  const pid = pidListeningOn(port);
  process.kill(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

function parentOf(pid: string): string | null {
  try {
    // /proc/<pid>/stat: "pid (command) state ppid …"; the command may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? null;
  } catch {
    return null;
  }
}

function descendsFrom(pid: string, ancestor: string): boolean {
  for (let current: string | null = pid; current && current !== '0' && current !== '1'; current = parentOf(current)) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Kills this test worker's Chromium renderer processes outright, as a crash does: no unload or
 * pagehide handler runs. The browser and its storage survive; so do the other workers' browsers
 * (only processes descending from this worker are touched). */
export function crashRenderers(): number {
  const worker = String(process.pid);
  let killed = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (/chrom/i.test(commandLine) && commandLine.includes('--type=renderer') && descendsFrom(entry, worker)) {
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    }
  }
  return killed;
}
