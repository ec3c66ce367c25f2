/** Stand-ins for the SDK's column functions, so that the fixture tables type-check; the importer only reads their text. */
const identity = (config: object = {}) => config;
export const Table = identity;
export const StringColumn = identity;
export const IntegerColumn = identity;
export const GenericColumn = identity;
export const ReferenceColumn = identity;
export const ChoiceColumn = identity;
export const OverrideColumn = identity;
