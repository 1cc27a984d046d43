// Stylesheets are imported for their side effect; esbuild bundles them into sidepane.css.
declare module "*.css";
