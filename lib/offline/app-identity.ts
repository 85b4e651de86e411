// How the installed app looks (app/manifest.ts, and the root layout's theme colour and icons).
export const APP_NAME = 'Pulse';
export const THEME_COLOR = '#0f766e';
