import { fieldTypeNames, knownFieldType } from '../../../core/metadata/field-types';

/**
 * Which `internal_type` each Fluent column function of `@servicenow/sdk-core`
 * produces (src/db/types/*.ts; GenericColumn, ScriptColumn and
 * UserImageColumn carry it in `columnType`), from the `sdk` entries of the
 * field-type table. The compiled JavaScript loses the function names, which
 * is why the importer reads the `.now.ts` sources.
 */
export const columnFunctionTypes: Readonly<Record<string, string>> = Object.fromEntries(
  fieldTypeNames().flatMap((type) => {
    const sdk = knownFieldType(type)?.sdk;
    return sdk ? [[sdk, type]] : [];
  })
);

/** The column function that declares a dictionary override instead of a column. */
export const OVERRIDE_FUNCTION = 'OverrideColumn';

/** Column functions whose type is given by the `columnType` (or legacy `column_type`) option. */
export const typeFromOption = new Set(['GenericColumn']);
