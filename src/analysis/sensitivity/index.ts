/**
 * Sensitivity analysis (references/analysis-methods.md §3): one-at-a-time sweeps, Morris
 * elementary effects and Sobol' indices with Saltelli sampling, over any scalar function of a
 * parameter vector (`sensitivity`) or over model runs (`modelSensitivity`).
 */
export { toValues, toValueRows, factorProblems, type Factor, type ScalarFunction } from './factors.js';
export { analyzeSensitivity, planSensitivity, sensitivity, type SensitivityOptions, type SensitivityPlan, type SensitivityResult } from './analyze.js';
export { methods, methodNames, type SensitivityIndex, type SensitivityMethod } from './methods.js';
export { morrisDelta, morrisDesign, morrisIndices, elementaryEffects, type MorrisDesign, type MorrisIndex } from './morris.js';
export { saltelliDesign, sobolIndices, type SaltelliDesign, type SobolIndex } from './saltelli.js';
export { oatDesign, oatIndices, type OatDesign, type OatIndex } from './oat.js';
export { bootstrapHalfWidths, normalQuantile, type BootstrapOptions } from './bootstrap.js';
export { modelSensitivity, resolveFactors, type ModelSensitivity, type ModelSensitivityOptions, type ParamRange } from './model.js';
export { formatSensitivity, sensitivityJson } from './report.js';
