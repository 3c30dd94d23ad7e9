// Why lofte could not write where the user asked: the user's or the machine's problem, never a bug.
// One place decides which operating-system error codes are such problems; the words for each are
// in the message catalogs (`ui.output`), so a refusal reads the same from every command.

/** What lofte refused, or what the file system refused lofte. */
export type OutputReason =
  /** `--out ''`. */
  | 'out-empty'
  /** `--out /`. */
  | 'out-root'
  /** `--out` is the repository root, a folder being checked, or a folder above one. */
  | 'out-repo-root'
  /** `--out` (or a `--format x=path`) names something that is not a folder (a file). */
  | 'out-not-dir'
  /** A `--format x=path` names a folder. */
  | 'out-is-dir'
  /** A file in the way that lofte did not write. */
  | 'not-ours'
  /** A symbolic link where lofte would write, move or delete. */
  | 'symlink'
  /** Another lofte run holds the output folder. */
  | 'locked'
  /** A page name that is not a safe file name on every system. */
  | 'unsafe-page'
  /** A swap that could neither be finished nor undone. */
  | 'swap-stuck'
  /** An operating-system error code that means a user or environment problem. */
  | 'fs';

/** What lofte was doing when the file system said no. */
export type OutputAction = 'create-dir' | 'write' | 'read' | 'move' | 'remove' | 'lock';

/** What is true of the output after the failure. */
export type OutputState = 'unchanged' | 'rolled-back' | 'journal-kept';

/** Every refusal may say what became of the output. */
interface Stated {
  state?: OutputState;
}

/** What each refusal's message needs: its words (`ui.output`) take exactly these. */
export interface OutputArgs {
  'out-empty': Stated;
  'out-root': Stated & { path: string };
  'out-repo-root': Stated & { path: string; source: string };
  'out-not-dir': Stated & { path: string };
  'out-is-dir': Stated & { path: string };
  'not-ours': Stated & { path: string; page: string; manifest?: string };
  symlink: Stated & { path: string };
  locked: Stated & { path: string; lock: string; pid: string };
  'unsafe-page': Stated & { page: string; name: string };
  'swap-stuck': Stated & { path: string; journal: string; cause: string; at: string };
  fs: Stated & { code: string; path: string; action: OutputAction };
}

/** The arguments as stored: the reason's own, readable by name by code that handles any reason. */
export type StoredOutputArgs<R extends OutputReason> = OutputArgs[R] & Readonly<Record<string, string | undefined>>;

export class OutputError<R extends OutputReason = OutputReason> extends Error {
  readonly args: StoredOutputArgs<R>;

  constructor(
    readonly reason: R,
    args: OutputArgs[R],
  ) {
    super(`${reason}: ${Object.entries(args).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`);
    this.args = args as StoredOutputArgs<R>;
  }

  /** The same refusal, saying what became of the output. */
  withState(state: OutputState): OutputError<R> {
    return new OutputError(this.reason, { ...this.args, state });
  }
}

/**
 * The error codes that are the user's or the machine's problem: a path that is a file, no
 * permission, a read-only or full file system, a link loop, a name too long… Anything else is
 * unexpected, and stays an internal error.
 */
export const ENVIRONMENT_CODES = [
  'ENOTDIR',
  'EISDIR',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EEXIST',
  'ENOTEMPTY',
  'ELOOP',
  'ENAMETOOLONG',
  'ENOENT',
  'EMFILE',
  'ENFILE',
  'EBUSY',
  'ETXTBSY',
  'EIO',
  'EFBIG',
  'EXDEV',
  'EINVAL',
] as const;
export type EnvironmentCode = (typeof ENVIRONMENT_CODES)[number];

export function errnoCode(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isEnvironmentCode(code: string | undefined): code is EnvironmentCode {
  return (ENVIRONMENT_CODES as readonly string[]).includes(code ?? '');
}

/**
 * An error from the file system while lofte worked on `file`, as a refusal the user can act on;
 * an OutputError passes through, and anything that is not an environment error is thrown again.
 */
export function asOutputError(err: unknown, file: string, action: OutputAction, state: OutputState = 'unchanged'): OutputError {
  if (err instanceof OutputError) return err;
  const code = errnoCode(err);
  if (!isEnvironmentCode(code)) throw err;
  return new OutputError('fs', { code, path: file, action, state });
}
