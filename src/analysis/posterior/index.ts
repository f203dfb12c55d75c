/**
 * Bayesian calibration: a posterior ensemble of the uncertain constants given reference data,
 * by differential-evolution MCMC (DREAM(ZS)), with convergence diagnostics and an ensemble file
 * that compare, rank, sensitivity and report run instead of prior draws.
 */
export { samplePosterior, DEFAULT_CHAINS, DEFAULT_GENERATIONS, type Posterior, type PosteriorOptions, type SamplerSettings, type Convergence } from './posterior.js';
export { sampleDream, fold, type DreamChains, type DreamOptions } from './dream.js';
export { chainDiagnostics, rhat, ess, splitChains, rankNormalize, RHAT_GOOD, RHAT_FAIL, ESS_PER_CHAIN, type ChainDiagnostics } from './convergence.js';
export { logLikelihood, eventTime, likelihoodProblems } from './likelihood.js';
export { ensembleFromJson, posteriorJson, LIKELIHOOD, type EnsembleFileInput, type Provenance } from './file.js';
export { ensembleSchema, ENSEMBLE_FORMAT } from './ensemble-schema.js';
export { formatPosterior } from './report.js';
export type { ParameterSummary, TargetSummary, Prior } from './summary.js';
