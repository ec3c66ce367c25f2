import { existsSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { validateTemplateText, type FileProblem } from './validate-templates';

/** Checks template files, each as `validateTemplateText` does, possibly on other threads. */
export interface Validation {
  validate(file: string, text: string): Promise<FileProblem[]>;
  /** Stops the threads; pending checks fail. Safe to call more than once. */
  close(): Promise<void>;
}

export interface ValidationTask {
  id: number;
  file: string;
  text: string;
}

export type ValidationReply = { id: number; problems: FileProblem[] } | { id: number; failure: string };

/** Below this many files a worker's start-up (loading the validator and the FEEL grammar) costs more than it saves. */
const FILES_WORTH_A_POOL = 200;

/** About what one validation thread holds at its peak (generate --all on 2,000 tables: some 200 MB each), with room to spare. */
const MEMORY_PER_THREAD = 256 * 1024 * 1024;
/** Past this the building thread, not validation, sets the pace (build and serialize take about a tenth of the checks' CPU). */
const MAX_THREADS = 8;

/**
 * One thread per core, at most MAX_THREADS, and only as many as half the
 * memory holds: a CI container often sees every core of its host but may
 * use a few GB, and a thread per core would run it out of memory.
 */
export function defaultThreadCount(cores: number, memoryBytes: number): number {
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(memoryBytes / 2 / MEMORY_PER_THREAD)));
}

/** The machine's memory, or the container's limit when that is lower (cgroups; no limit reads as 0 or as more than the machine has). */
function availableMemory(): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const total = totalmem();
  return limit > 0 && limit < total ? limit : total;
}

/**
 * Validation for a run of about `files` files on `threads` threads: by
 * default on the calling thread for a few files, else on worker threads
 * (defaultThreadCount), so that the checks of one template run while the
 * next is built.
 */
export function openValidation(files: number, threads?: number): Validation {
  const count = threads ?? (files < FILES_WORTH_A_POOL ? 1 : defaultThreadCount(availableParallelism(), availableMemory()));
  return count < 2 ? inProcessValidation() : new ValidationPool(count);
}

export function inProcessValidation(): Validation {
  return {
    validate: (file, text) => Promise.resolve(validateTemplateText(file, text)),
    close: () => Promise.resolve()
  };
}

interface Pending {
  file: string;
  resolve(problems: FileProblem[]): void;
  reject(error: Error): void;
}

interface PoolThread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export class ValidationPool implements Validation {
  private readonly threads: PoolThread[];
  private nextId = 0;
  private broken: Error | undefined;

  constructor(size: number) {
    this.threads = Array.from({ length: size }, () => this.start());
  }

  validate(file: string, text: string): Promise<FileProblem[]> {
    if (this.broken) return Promise.reject(this.broken);
    // The least busy thread: templates differ in size, so strict turns would leave one idle.
    const thread = this.threads.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { file, resolve, reject });
      thread.worker.postMessage({ id, file, text } satisfies ValidationTask);
    });
  }

  async close(): Promise<void> {
    this.broken ??= new Error('the validation pool was closed');
    await Promise.all(this.threads.map(({ worker }) => worker.terminate()));
    for (const thread of this.threads) this.fail(thread, this.broken);
  }

  private start(): PoolThread {
    const thread: PoolThread = { worker: startWorker(), pending: new Map() };
    thread.worker.on('message', (reply: ValidationReply) => {
      const pending = thread.pending.get(reply.id);
      if (!pending) return;
      thread.pending.delete(reply.id);
      if ('failure' in reply) pending.reject(new Error(`validating ${pending.file} failed: ${reply.failure}`));
      else pending.resolve(reply.problems);
    });
    thread.worker.on('error', (error) => this.breakDown(thread, error));
    thread.worker.on('exit', (code) => this.breakDown(thread, this.broken ?? new Error(`a validation thread stopped (exit code ${code})`)));
    return thread;
  }

  /** A thread that died takes its checks with it: they and every later one fail, naming the file. */
  private breakDown(thread: PoolThread, error: Error): void {
    this.broken ??= error;
    this.fail(thread, error);
  }

  private fail(thread: PoolThread, error: Error): void {
    for (const { file, reject } of thread.pending.values()) reject(new Error(`validating ${file} failed: ${error.message}`));
    thread.pending.clear();
  }
}

/**
 * The worker runs the same module as this one: compiled JavaScript in a
 * package, the TypeScript sources (through tsx, as bin/ runs them) in a
 * checkout.
 */
function startWorker(): Worker {
  const compiled = join(__dirname, 'validation-worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  const source = join(__dirname, 'validation-worker.ts');
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(source)});`, { eval: true });
}
