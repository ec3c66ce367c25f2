/** ServiceNow's error body: `{"error":{"message","detail"},"status":"failure"}`. */
export function errorBody(message: string, detail: string | null): { error: { message: string; detail: string | null }; status: 'failure' } {
  return { error: { message, detail }, status: 'failure' };
}

export const NO_RECORD = errorBody('No Record found', "Record doesn't exist or ACL restricts the record retrieval");
