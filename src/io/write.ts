/**
 * The one output writer: every file the toolkit writes (--csv, --json, --html, convert's
 * output) goes through `openOutput` (open → write chunks → commit or abort) or its one-shot
 * form `writeOutput`.
 *
 * - A regular file (or a new path) is replaced atomically: the chunks go to a temporary file
 *   created exclusively (O_EXCL, so a planted file or symlink at its name is never followed)
 *   with an unpredictable name in the same folder, which `commit` renames over the target.
 *   A failed or interrupted run never leaves a half-written output behind.
 * - Anything that is not a regular file — a character device such as /dev/null, a FIFO, a
 *   process substitution `>(gzip)` seen as /dev/fd/N — is written through, never replaced.
 * - A symlink is followed: its target is written (atomically when it is a regular file),
 *   and the link itself stays a link.
 * - Folders on the way to a new output that do not exist yet are made (`mkdir -p`).
 * - An output that is the same file as one of `inputs` (after symlinks, by device and inode)
 *   is refused with an OutputError before anything is opened.
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fchmodSync, mkdirSync, lstatSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface OutputFile {
  /** The path written (for a symlink, what it points at). */
  readonly path: string;
  /** True when the output replaces a regular file atomically on commit. */
  readonly atomic: boolean;
  write(chunk: string | Uint8Array): void;
  /** Finishes the output: renames the temporary file over the target, or closes the device. */
  commit(): void;
  /** Drops what was written (for an atomic output) and closes; safe to call twice. */
  abort(): void;
}

export interface OutputOptions {
  /** Files this run reads; writing over any of them is refused. */
  readonly inputs?: readonly string[];
}

/** Why an output was refused; `code` is stable for callers (the CLI maps it to exit 2). */
export class OutputError extends Error {
  constructor(readonly code: 'same-as-input' | 'not-writable', readonly file: string, message: string) {
    super(message);
  }
}

function statOrUndefined(file: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(file) : lstatSync(file);
  } catch {
    return undefined;
  }
}

/** True when `a` and `b` name the same existing file (symlinks followed, hard links too). */
export function sameFile(a: string, b: string): boolean {
  const sa = statOrUndefined(a, true);
  const sb = statOrUndefined(b, true);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Throws OutputError when `file` is one of `inputs`. */
export function refuseInputs(file: string, inputs: readonly string[] = []): void {
  const input = inputs.find((i) => sameFile(file, i));
  if (input !== undefined) {
    throw new OutputError('same-as-input', file, `the output '${file}' is the input '${input}'; writing it would destroy the input`);
  }
}

/**
 * Throws OutputError when `file` cannot be written because of where it is, so that a command
 * can refuse before the work whose result it would write: it is a folder, a part of its path
 * is a file, or the nearest folder that exists is read-only or not ours to write. Folders
 * that do not exist yet are fine: `openOutput` makes them.
 */
export function refuseUnwritable(file: string): void {
  if (statOrUndefined(file, true)?.isDirectory()) throw new OutputError('not-writable', file, `'${file}' is a directory`);
  let folder = dirname(file);
  let st = statOrUndefined(folder, true);
  while (!st && dirname(folder) !== folder) st = statOrUndefined((folder = dirname(folder)), true);
  if (!st) return;
  if (!st.isDirectory()) throw new OutputError('not-writable', file, `cannot write ${file}: '${folder}' is a file, not a folder`);
  try {
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EROFS' ? 'is on a read-only file system' : 'is not writable';
    throw new OutputError('not-writable', file, `cannot write ${file}: the folder '${folder}' ${why}`);
  }
}

function writeAll(fd: number, chunk: string | Uint8Array): void {
  const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
  let off = 0;
  while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
}

/** Opens an output for writing in chunks; nothing shows at the target before `commit`. */
export function openOutput(file: string, options: OutputOptions = {}): OutputFile {
  refuseInputs(file, options.inputs);
  const link = statOrUndefined(file, false);
  const target = link?.isSymbolicLink() ? statOrUndefined(file, true) : link;
  if (target?.isDirectory()) throw new OutputError('not-writable', file, `'${file}' is a directory`);
  if (target && !target.isFile()) return throughOutput(file, file);
  if (!target && link) return throughOutput(file, file); // dangling symlink: create what it names
  if (!link) mkdirSync(dirname(file), { recursive: true });
  const path = link?.isSymbolicLink() ? realpathSync(file) : file;
  return atomicOutput(path, target);
}

function throughOutput(file: string, path: string): OutputFile {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC, 0o666);
  let open = true;
  const close = () => { if (open) { open = false; closeSync(fd); } };
  return { path, atomic: false, write: (c) => writeAll(fd, c), commit: close, abort: close };
}

function atomicOutput(path: string, existing: Stats | undefined): OutputFile {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(9).toString('base64url')}.tmp`);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
  if (existing) {
    try { fchmodSync(fd, existing.mode & 0o7777); } catch { /* keep the default mode */ }
  }
  let state: 'open' | 'done' = 'open';
  const finish = (keep: boolean) => {
    if (state === 'done') return;
    state = 'done';
    try {
      closeSync(fd);
      if (keep) renameSync(tmp, path);
    } finally {
      if (!keep || statOrUndefined(tmp, false)) rmSync(tmp, { force: true });
    }
  };
  return {
    path,
    atomic: true,
    write(chunk) {
      if (state !== 'open') throw new Error(`output '${path}' is already closed`);
      try { writeAll(fd, chunk); } catch (e) { finish(false); throw e; }
    },
    commit: () => finish(true),
    abort: () => finish(false),
  };
}

/** Writes a whole output at once through `openOutput`. */
export function writeOutput(file: string, content: string | Uint8Array, options: OutputOptions = {}): void {
  const out = openOutput(file, options);
  try {
    out.write(content);
    out.commit();
  } catch (e) {
    out.abort();
    throw e;
  }
}
