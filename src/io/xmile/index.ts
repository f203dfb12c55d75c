/**
 * XMILE 1.0 (OASIS, 2015) input and output.
 * - `readXmile(text, file?)`: .xmile / .stmx / .itmx text → the internal Model, or
 *   located diagnostics (never a partial or silently wrong model).
 * - `writeXmile(model)`: the internal Model → XMILE 1.0 text that reads back to the same
 *   simulation, with stockflow-only information in the vendor namespace of vendor.ts;
 *   `writeXmileWithNotes` also warns about what other tools will not see (write-notes.ts).
 */
export { readXmile, type ReadResult } from './read.js';
export { writeXmile, writeXmileWithNotes } from './write.js';
export { STOCKFLOW_NS } from './vendor.js';
