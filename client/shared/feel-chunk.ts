/**
 * The `servicenow-feel` chunk: the FEEL grammar (lezer-feel is most of the
 * script otherwise) and the lint checks that need it.
 */
export { parseFeelExpression as default } from '../../core/feel/parse';
export { FEEL_CHECKS } from '../../lint/diagram/feel-checks';
