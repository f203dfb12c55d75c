/**
 * The integrator strategy interface. The compiled model presents itself as an ODE system
 * dy/dt = f(t, y) over its stocks; an integrator advances the state. Each integrator lives
 * in one file under sim/integrators/ and registers itself by name in sim/integrators/index.ts.
 */
export interface OdeSystem {
  /** Number of state variables (stocks, including builtin helper stocks). */
  readonly size: number;
  /** Writes f(t, y) into dydt. Must not allocate; y and dydt never alias. */
  derivatives(t: number, y: Float64Array, dydt: Float64Array): void;
}

export interface IntegratorOptions {
  /** Relative and absolute local error tolerances for adaptive methods. */
  readonly rtol: number;
  readonly atol: number;
}

/** A stepper owns its scratch buffers; create one per run (never shared between threads). */
export interface Stepper {
  /**
   * Advances y in place from t to exactly t + h. Fixed-step methods take one step;
   * adaptive methods take as many internal steps as their error control needs, never
   * stepping past t + h. Returns the number of derivative evaluations used.
   * `slope`, when given, is f(t, y) already computed by the caller (the engine evaluates
   * every step anyway to record flows); fixed-step methods use it instead of evaluating
   * again, which makes Euler one evaluation per step like a hand-written loop.
   */
  advance(t: number, y: Float64Array, h: number, slope?: Float64Array): number;
}

export interface Integrator {
  readonly name: string;
  /** Order of accuracy (global error ∝ h^order for fixed-step methods). */
  readonly order: number;
  readonly adaptive: boolean;
  /**
   * True when the test inputs (STEP, RAMP, PULSE, PULSE TRAIN) keep their value at the start
   * of each dt through the method's stages and sub-steps, as in Vensim's Runge–Kutta types.
   */
  readonly holdsInputs?: boolean;
  /** The tolerances an adaptive method uses when the sim spec gives none (else rtol 1e-6, atol 1e-9). */
  readonly tolerances?: IntegratorOptions;
  readonly description: string;
  create(system: OdeSystem, options: IntegratorOptions): Stepper;
}
