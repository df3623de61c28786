/** The YAML-reading half of `prepare`, imported only when a config or pricing file is in play. */
export { loadConfig } from '../config/load.js';
export { overrideSets } from '../config/pricing-files.js';
