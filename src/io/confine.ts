/**
 * The one resolver for every file a model names (Vensim GET XLS / GET DIRECT …, data files
 * found beside a .mdl, and any later format's external data). A model file is untrusted: a
 * shared model may read only regular files inside its own folder, after symlinks are resolved,
 * up to a size cap. `dataDirs` (the CLI's `--data-dir`) widens the folders a user trusts.
 *
 * Refused, each with a reason and a hint: absolute paths or `../` that leave the allowed
 * folders, symlinks pointing out of them, FIFOs, sockets and devices (/dev/zero, a FIFO named
 * like a data file: never opened for reading, so nothing blocks), /proc and /sys files outside
 * the folder, and files over the size cap. A FIFO that replaces a checked file between the
 * check and the open is caught too: the file is opened non-blocking and checked again by fstat.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** Default cap on one data file a model reads: 64 MiB (a large spreadsheet is a few MB). */
export const DEFAULT_MAX_DATA_BYTES = 64 * 1024 * 1024;

export interface DataAccessOptions {
  /** Further folders (besides the model's own) whose files a model may read. */
  readonly dataDirs?: readonly string[];
  /** Largest data file read, in bytes (default DEFAULT_MAX_DATA_BYTES). */
  readonly maxDataBytes?: number;
}

export type DataRead =
  | { readonly ok: true; readonly path: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly problem: string; readonly hint: string };

/** How a model reads its data files: names are resolved against `dir`, within the allowed folders. */
export interface DataAccess {
  /** The model's folder. */
  readonly dir: string;
  /**
   * Reads `name` (relative to the model's folder). `given` marks a file the caller named itself
   * (--data, --data-alias): not confined to the folders, but still a regular file under the cap.
   */
  read(name: string, given?: boolean): DataRead;
  /** Names of the entries in the model's folder (for data files found by scanning). */
  list(): string[];
}

const refuse = (problem: string, hint: string): DataRead => ({ ok: false, problem, hint });
const WIDEN = 'put the file in the model\'s folder, or trust its folder with --data-dir DIR (library: dataDirs)';

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function inside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** What a file that is not a regular file is, for messages: 'a FIFO', 'a device', … */
export function kindOf(s: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** Data access for a model in folder `dir`; `options` widen the folders or change the cap. */
export function dataAccess(dir: string, options: DataAccessOptions = {}): DataAccess {
  const maxBytes = options.maxDataBytes ?? DEFAULT_MAX_DATA_BYTES;
  const roots = [dir, ...(options.dataDirs ?? [])].map((d) => realOrUndefined(resolve(d))).filter((d): d is string => d !== undefined);
  return {
    dir,
    read(name, given = false) {
      const wanted = resolve(dir, name);
      const real = realOrUndefined(wanted);
      if (real === undefined) return refuse(`no such file '${name}'`, 'check the file name; it is read relative to the model file');
      if (!given && !roots.some((r) => inside(real, r))) {
        const folders = roots.length > 1 ? "the model's folder and the --data-dir folders" : "the model's folder";
        return refuse(`'${name}' resolves to '${real}', outside ${folders}; a model may read only files in its own folder`, WIDEN);
      }
      return readConfined(name, real, maxBytes);
    },
    list() {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

function readConfined(name: string, real: string, maxBytes: number): DataRead {
  const before = statSync(real);
  if (!before.isFile()) return refuse(`'${name}' is ${kindOf(before)}, not a regular file`, 'name a spreadsheet or CSV file');
  if (before.size > maxBytes) return tooBig(name, maxBytes);
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOFOLLOW ?? 0));
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return refuse(`'${name}' is ${kindOf(st)}, not a regular file`, 'name a spreadsheet or CSV file');
    if (st.size > maxBytes) return tooBig(name, maxBytes);
    // Read until end of file, never past the cap: a file that grows while read (or whose size
    // is reported as 0, as in /proc) still stops.
    const chunks: Buffer[] = [];
    let n = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - n));
      const got = readSync(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      n += got;
      if (n > maxBytes) return tooBig(name, maxBytes);
    }
    return { ok: true, path: real, bytes: Buffer.concat(chunks, n) };
  } finally {
    closeSync(fd);
  }
}

function tooBig(name: string, maxBytes: number): DataRead {
  return refuse(`'${name}' is larger than the data file size cap (${maxBytes} bytes)`, `raise the cap with --max-data-mb N (library: maxDataBytes); the default is ${DEFAULT_MAX_DATA_BYTES / 1024 / 1024} MB`);
}
