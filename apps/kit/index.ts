/** The app kit: what the kiosk, the window display and the console share. */
export * from './client.js';
export * from './i18n.js';
export * from './pairing.js';
export * from './socket.js';
export * from './time.js';
