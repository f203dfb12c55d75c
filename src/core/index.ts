export * from './diagnostics.js';
export * from './names.js';
export * from './random.js';
