// @ts-check
/** jest globalTeardown: drops this run's migrated templates (db-templates.cjs). */
module.exports = async () => {
  if (/** @type {any} */ (globalThis).__tricolorTemplateRun)
    await require('./db-templates.cjs').endRun();
};
