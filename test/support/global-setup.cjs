// @ts-check
/** jest globalSetup: starts this run's migrated templates (db-templates.cjs). */
module.exports = async () => {
  // Read by global-teardown.cjs: only the run this process started is dropped at the end.
  /** @type {any} */ (globalThis).__tricolorTemplateRun =
    await require('./db-templates.cjs').beginRun();
};
