export { startHub, type RunningHub } from './hub.js';
export { parseHubOptions, type HubOptions } from './options.js';
export { HUB_PRAGMAS, openDatabase } from './store/openDatabase.js';
