/**
 * Build-time switches. `__NKR_BENCH__` is replaced by wxt.config.ts (Vite `define`) with true only
 * in `wxt build --mode bench` (npm run bench); the minifier then drops every bench-only branch
 * and the modules only they import. Elsewhere (unit tests) the name is undefined: false.
 */
declare const __NKR_BENCH__: boolean | undefined;

/** True only in the benchmark's build. */
export const BENCH_BUILD: boolean = typeof __NKR_BENCH__ !== 'undefined' && __NKR_BENCH__ === true;
