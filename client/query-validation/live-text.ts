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
 * Runs `work` at most once per animation frame and never inside the input
 * event: keystrokes between two frames are coalesced into one check (the
 * engine checks a 2 kB query in a few milliseconds, so one frame is enough).
 */
export function frameScheduler(work: () => void): { schedule(): void; cancel(): void; flush(): void } {
  let pending: number | undefined;
  return {
    /** Runs pending work now (a key that acts on its result must not wait for the frame). */
    flush() {
      if (pending === undefined) return;
      cancelAnimationFrame(pending);
      pending = undefined;
      work();
    },
    schedule() {
      pending ??= requestAnimationFrame(() => {
        pending = undefined;
        work();
      });
    },
    cancel() {
      if (pending !== undefined) cancelAnimationFrame(pending);
      pending = undefined;
    }
  };
}

/**
 * A properties panel field saves 300 ms after the last keystroke, or when it loses
 * focus. A fix applied in between would be overwritten by that save; blurring
 * the field commits what was typed first, so the fix lands on top of it (and
 * one undo returns to the typed text). Clicking the button blurs the field in
 * Chromium already; a button that takes no focus (Safari, a script) does not.
 */
export function commitPendingInput(entryId: string): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active.closest(`[data-entry-id="${entryId}"]`)) active.blur();
}
