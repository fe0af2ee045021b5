// The peak resident memory of Chromium's renderer processes, read from Linux's
// /proc/<pid>/status (VmHWM: the process's high-water mark of resident memory). That is what
// the operating system charges the tab with — page, workers and wasm memory together — unlike
// the JS heap figures the browser reports about itself.

import { readdirSync, readFileSync } from 'node:fs';

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';  // the process ended meanwhile
  }
}

/** Parent pid from /proc/<pid>/stat (the field after the parenthesised command name). */
function parentOf(pid) {
  const stat = readProc(pid, 'stat');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/**
 * The renderer processes descended from process `ancestor` (by default this Node process, which
 * launched the browser): other sessions' browsers on the same machine are not counted.
 * @returns {number[]}
 */
export function rendererPids(ancestor = process.pid) {
  const parents = new Map();
  const renderers = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    parents.set(pid, parentOf(pid));
    if (readProc(pid, 'cmdline').includes('--type=renderer')) renderers.push(pid);
  }
  const descends = (pid) => {
    for (let at = pid, hops = 0; at > 1 && hops < 64; at = parents.get(at), hops += 1) {
      if (at === ancestor) return true;
    }
    return false;
  };
  return renderers.filter(descends);
}

/** VmHWM and VmRSS of one process, in bytes (0 if it is gone). */
export function residentMemory(pid) {
  const status = readProc(pid, 'status');
  const field = (name) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
  return { peak: field('VmHWM'), current: field('VmRSS') };
}
