/**
 * Calibration: fit model parameters to reference series or event times (weighted squared
 * error, bounded Nelder–Mead, seeded multi-start).
 */
export { calibrate, type Calibration, type CalibrationOptions, type FitAt, type StartOutcome } from './calibrate.js';
export { objective, fitReport, dataScale, interpolate, type TargetFit } from './fit.js';
export { EVENT_AGGREGATES, targetLabel, type EventTarget, type ReferenceData, type SeriesTarget, type Target } from './targets.js';
export { nelderMead, type Minimum, type NelderMeadOptions } from './nelder-mead.js';
export { minimizeInBounds, fromZ, zFromUnit, type Bounds } from './bounded.js';
export { calibrationJson, formatCalibration } from './report.js';
