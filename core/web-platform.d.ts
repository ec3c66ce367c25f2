/**
 * The few web-platform globals core/ may use: they exist in every browser
 * and in Node (>= 11), but core/ compiles without the DOM and Node type
 * libraries to keep it honest about where it runs.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  decode(input?: Uint8Array): string;
}
