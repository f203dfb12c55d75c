/**
 * Job payloads and results as text, exactly: a Float64Array travels as the base64 of its
 * bytes, and NaN, ±Infinity and −0 (which JSON would turn into null or 0) as tagged values,
 * so a result read back from the queue has the same bits as the one computed. Sizes are
 * capped both ways: a job or a result larger than its limit is refused with a clear message.
 */

/** A job (model text + parameters of one batch): Kinesis is ~46 kB of model text. */
export const MAX_JOB_BYTES = 8 * 1024 * 1024;
/** A batch result: 8 bytes per run plus a few diagnostics. */
export const MAX_RESULT_BYTES = 8 * 1024 * 1024;

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Float64Array) return { $f64: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') };
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { $num: Object.is(v, -0) ? '-0' : String(v) };
    return v;
  });
}

export function decode(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.$f64 === 'string' && Object.keys(o).length === 1) {
        const bytes = Buffer.from(o.$f64, 'base64');
        if (bytes.length % 8) throw new Error('a Float64Array payload has a length that is not a multiple of 8');
        const out = new Float64Array(bytes.length / 8);
        new Uint8Array(out.buffer).set(bytes);
        return out;
      }
      if (typeof o.$num === 'string' && Object.keys(o).length === 1) return o.$num === '-0' ? -0 : Number(o.$num);
    }
    return v;
  });
}

/** Throws when `text` is over `limit` bytes; `what` names it in the message. */
export function checkSize(text: string, limit: number, what: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limit) throw new Error(`${what} is ${(bytes / 1048576).toFixed(1)} MiB, over the limit of ${(limit / 1048576).toFixed(0)} MiB`);
}
