import { useEffect, useRef } from 'react';
import type { CounterActionId } from './counterActions';
import { onShellAction } from './desktopBridge';
import { isHeldKey, readHeldKeys, SHORTCUT_HOLD_MS, type HeldKey } from './scanWedge';
import { actionForKey } from './shortcuts';

export interface DeskKeys {
  /** False while a dialog is open: its own keys (Enter, Esc) belong to it. */
  enabled: boolean;
  paused: boolean;
  run(id: CounterActionId): void;
  /** A dossier code typed by a scanner outside any text field. */
  scanned(code: string): void;
  /** Moves the selection in the waiting list by one. */
  moveSelection(step: 1 | -1): void;
}

/** The counter's keyboard: shortcuts, ↑↓ and Enter on the waiting list, scanner bursts, and the shell's menu. */
export function useDeskKeys(keys: DeskKeys): void {
  const heldKeys = useRef<HeldKey[]>([]);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The timer that ends a burst of held keys fires after a render: it reads this render's handlers.
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!keys.enabled) return;
    const { run, paused } = keys;
    function endBurst(enterAt: number | null) {
      if (holdTimer.current) clearTimeout(holdTimer.current);
      holdTimer.current = null;
      const meaning = readHeldKeys(heldKeys.current, enterAt);
      heldKeys.current = [];
      if (meaning.kind === 'scan') latest.current.scanned(meaning.code);
      if (meaning.kind !== 'shortcut') return;
      const id = actionForKey({ key: meaning.key }, latest.current.paused);
      if (id) latest.current.run(id);
    }
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      const inTextField = !!target?.closest('input, textarea, select');
      if (!inTextField && isHeldKey(event)) {
        // Held a moment: a scanner's burst is a dossier code, a lone key is a shortcut.
        event.preventDefault();
        heldKeys.current.push({ key: event.key, at: event.timeStamp });
        if (holdTimer.current) clearTimeout(holdTimer.current);
        holdTimer.current = setTimeout(() => endBurst(null), SHORTCUT_HOLD_MS);
        return;
      }
      if (!inTextField && event.key === 'Enter' && heldKeys.current.length > 0) {
        event.preventDefault();
        endBurst(event.timeStamp);
        return;
      }
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (inTextField) return;
        event.preventDefault();
        keys.moveSelection(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      if (event.key === 'Enter' && !inTextField && !target?.closest('button')) {
        event.preventDefault();
        run('callChosen');
        return;
      }
      const id = actionForKey({ ...event, key: event.key, inTextField }, paused);
      if (!id) return;
      event.preventDefault();
      run(id);
    }
    window.addEventListener('keydown', onKey);
    const stopShell = onShellAction(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      stopShell();
    };
  });
}
