/**
 * Linux process inspection through /proc: used to stop a process group for good and
 * to prove that nothing a run started is left behind.
 */
import * as fs from 'node:fs';

export interface ProcessInfo {
  pid: number;
  /** Process group id. */
  pgid: number;
  /** One-letter state from /proc/PID/stat; 'Z' is a zombie (dead, not yet reaped). */
  state: string;
  cmdline: string;
}

/** Every process visible in /proc, skipping any that exits while being read. */
export function listProcesses(): ProcessInfo[] {
  const result: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      result.push({ pid: Number(entry), state: fields[0] ?? '?', pgid: Number(fields[2]), cmdline });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return result;
}

/** Live (non-zombie) processes whose command line contains `text`. */
export function livingProcessesMentioning(text: string): ProcessInfo[] {
  return listProcesses().filter((p) => p.state !== 'Z' && p.pid !== process.pid && p.cmdline.includes(text));
}

/** Live (non-zombie) members of a process group. */
export function livingGroupMembers(pgid: number): ProcessInfo[] {
  return listProcesses().filter((p) => p.pgid === pgid && p.state !== 'Z');
}

/** Sends a signal to a whole process group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
