// Bundles the hub for `npm start` (see scripts/bundleNodeApp.mjs).
import { bundleNodeApp } from '../../scripts/bundleNodeApp.mjs';

await bundleNodeApp();
