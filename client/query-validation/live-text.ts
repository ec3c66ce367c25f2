/**
 * Follows what the user types into a template field before the panel
 * commits it (the panel debounces its writes): `input` events bubble from
 * the field's `<input>`/`<textarea>`, or from its FEEL editor (CodeMirror,
 * which shows the value without its leading `=`).
 */
export function readControlText(target: EventTarget | null): string | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return target.value;
  const editor = target.closest('.cm-content');
  if (!editor) return undefined;
  const lines = [...editor.querySelectorAll('.cm-line')].map((line) => line.textContent ?? '');
  return `=${lines.join('\n')}`;
}

/**
 * Runs `work` at most once per animation frame, never inside the input
 * event; when one run takes long, later runs wait proportionally longer, so
 * typing never queues up behind validation.
 */
export function frameScheduler(work: () => void): { schedule(): void; cancel(): void } {
  let pending: number | undefined;
  let lastDuration = 0;
  const run = () => {
    pending = undefined;
    const started = performance.now();
    work();
    lastDuration = performance.now() - started;
  };
  return {
    schedule() {
      if (pending !== undefined) return;
      pending = lastDuration > 8
        ? window.setTimeout(run, Math.min(300, lastDuration * 4)) as unknown as number
        : requestAnimationFrame(run);
    },
    cancel() {
      if (pending !== undefined) { cancelAnimationFrame(pending); clearTimeout(pending); }
      pending = undefined;
    }
  };
}
