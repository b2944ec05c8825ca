import { printingFeature } from './printing.js';
import type { HubFeature } from './types.js';

/** Every feature the hub runs. Add a line per feature module. */
export const hubFeatures: HubFeature[] = [printingFeature];
