/** True in development builds (`node webview/build.mjs`), false in release ones (`make vsix`). */
declare const SIDEPANE_DEV: boolean;
