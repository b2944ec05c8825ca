// Bundles central for `npm run central` (see scripts/bundleNodeApp.mjs), then its dashboard.
import { bundleNodeApp } from '../../scripts/bundleNodeApp.mjs';

await bundleNodeApp();
