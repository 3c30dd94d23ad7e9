// One report at a time per output folder: an exclusive lock file holding the owner's process id.
// A lock whose owner has died (killed, power cut) is stale, and the next run takes it over.

import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asOutputError, errnoCode, OutputError } from '../util/output-error.js';

export const LOCK = '.lofte-lock';

export interface Lock {
  /** The process id of a dead run whose lock this run took over. */
  takenOverFrom?: number;
  release(): void;
}

/** Whether a process with this id runs (on this machine). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return errnoCode(err) === 'EPERM'; // it runs, as someone else
  }
}

function readOwner(file: string): number | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file only if none exists (O_EXCL), with this process's id in it. */
function create(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (err) {
    if (errnoCode(err) === 'EEXIST') return false;
    throw asOutputError(err, file, 'lock');
  }
  try {
    writeSync(fd, `${process.pid}\n`);
  } catch (err) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw asOutputError(err, file, 'lock');
  }
  closeSync(fd);
  return true;
}

/**
 * Takes the lock of `out`, or refuses: another run holds it. A lock whose owner is dead is moved
 * aside under a name of this run's own and looked at again there: if two runs find the same stale
 * lock, only one of them moves it, and a lock that turned out to be live is put back.
 */
export function takeLock(out: string): Lock {
  const file = path.join(out, LOCK);
  let takenOverFrom: number | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file)) {
      let held = true;
      return {
        takenOverFrom,
        release() {
          if (!held) return;
          held = false;
          if (readOwner(file) === process.pid) rmSync(file, { force: true });
        },
      };
    }
    const owner = readOwner(file);
    if (owner === undefined || owner === process.pid || alive(owner)) break;
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else moved it first
    }
    if (readOwner(aside) !== owner) {
      // A live lock came in between: give it back (only where nothing else came meanwhile).
      try {
        linkSync(aside, file);
      } catch {
        /* the place is taken again: that run holds the lock */
      }
      rmSync(aside, { force: true });
      break;
    }
    rmSync(aside, { force: true });
    takenOverFrom = owner;
  }
  const owner = readOwner(file);
  throw new OutputError('locked', { path: out, lock: file, pid: owner === undefined ? '' : String(owner) });
}
