/**
 * Tolerance for comparing simulation times, which are built as start + k·dt and so carry
 * rounding: two times within TIME_EPS (relative, at least absolute) are the same time.
 */
export const TIME_EPS = 1e-9;
