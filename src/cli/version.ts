/** Injected by the bundler from package.json; the fallback serves the unbundled sources in tests. */
declare const __OPS_METRICS_VERSION__: string | undefined;
export const TOOL_VERSION: string = typeof __OPS_METRICS_VERSION__ === 'string' ? __OPS_METRICS_VERSION__ : '0.0.0-dev';
