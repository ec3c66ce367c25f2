/** What checking a query takes and gives (its own module: the FEEL reader and the engine's entry both use it). */
import type { FeelParser } from '../feel/tree';
import type { Metadata } from '../metadata/model';
import type { QueryAst } from './ast';
import type { Diagnostic } from './diagnostics';

export interface CheckOptions {
  /** The table the query runs against, e.g. `incident`. Without it (or without metadata) only syntax is checked. */
  table?: string;
  metadata?: Metadata;
  /** Reads FEEL values (`=...`); without it a FEEL value is not checked yet (`pending`). */
  feel?: FeelParser;
  /** The query is sent with every space removed (Camunda's official ServiceNow templates): check it as sent. */
  spacesRemoved?: boolean;
  /** Words the query (core/query/explain.ts `explainWithItems`); without it the result's explanation is empty (check.ts). */
  explainer?: Explainer;
}

export type Explainer = (ast: QueryAst, options: CheckOptions) => { explanation: string; items: string[] };

export interface CheckResult {
  ast: QueryAst;
  diagnostics: Diagnostic[];
  /** The query in plain words, like ServiceNow's condition breadcrumbs. */
  explanation: string;
  /** The explanation as list items for a query of several conditions that all must hold (else one item). */
  explanationItems: string[];
  /** No error-severity diagnostic. */
  ok: boolean;
  /** A FEEL value that waits for the FEEL parser: nothing is known about it yet. */
  pending?: true;
  /** A FEEL value with no text of the query written out (a variable, a function call): nothing in it is checked. */
  computed?: true;
}
