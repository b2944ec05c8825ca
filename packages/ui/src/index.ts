export * from './language.js';
export * from './ConnectionBanner.js';
export * from './fonts.js';
export * from './DayInput.js';
export * from './format.js';
export * from './useHubNow.js';
export * from './i18n/catalogue.js';
export * from './i18n/wording.js';
