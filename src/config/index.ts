/** The config stage's public entry points. */
export { CONFIG_KEYS_DOC, type ConfigKeyDoc } from './config-keys-doc.js';
export { CONFIG_FILE_SCHEMA, type ConfigFile } from './config-schema.js';
export type { ConfigOrigin } from './config-problems.js';
export { DEFAULTS } from './defaults.js';
export { CONFIG_FILE_NAME, findConfigFile, loadConfig, parseConfigText, type LoadedConfig } from './load-config.js';
export { defaultConfig, resolveConfig, type ResolvedConfig } from './resolve-config.js';
