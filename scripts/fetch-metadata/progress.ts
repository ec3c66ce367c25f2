import type { Writable } from 'node:stream';
import type { FetchProgress } from './fetch';

/**
 * One self-overwriting status line on a terminal ("sys_dictionary: page 3,
 * 2,400/4,068 records"); nothing at all when standard error is not a terminal.
 */
export class ProgressLine {
  private shown = false;

  constructor(private readonly stream: Writable & { isTTY?: boolean }, private readonly tables: number) {}

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  page(event: FetchProgress): void {
    const total = event.total !== undefined ? `/${event.total.toLocaleString('en-US')}` : '';
    this.show(`${event.table}: page ${event.page}, ${event.records.toLocaleString('en-US')}${total} records (${this.tables} ${this.tables === 1 ? 'table' : 'tables'})`);
  }

  retry(attempt: number, delayMs: number, reason: string): void {
    this.show(`retrying in ${Math.ceil(delayMs / 1000)} s (attempt ${attempt + 1}): ${reason}`);
  }

  done(): void {
    if (this.enabled && this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }

  private show(text: string): void {
    if (!this.enabled) return;
    this.stream.write(`\r\u001b[2K${text}`);
    this.shown = true;
  }
}
