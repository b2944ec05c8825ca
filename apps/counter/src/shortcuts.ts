import type { CounterActionId } from './counterActions';

/** One key per action, chosen from the Vietnamese name so clerks remember them; shown on each button. */
export const actionKeys: Record<Exclude<CounterActionId, 'callChosen'>, string> = {
  callNext: 'N',
  recall: 'L',
  start: 'B',
  finish: 'H',
  noShow: 'V',
  transfer: 'C',
  park: 'G',
  resume: 'T',
  returnToQueue: 'Q',
  pause: 'P',
  reopen: 'P',
};

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  /** The focused element is a text field: its keys are typing, not shortcuts. */
  inTextField?: boolean;
}

/**
 * The action a key press asks for. "P" toggles between pause and resume work, so the caller says
 * whether the counter is paused. Keys with Ctrl/Alt/Meta belong to the browser and the OS.
 */
export function actionForKey(press: KeyPress, counterPaused: boolean): CounterActionId | null {
  if (press.inTextField || press.ctrlKey || press.altKey || press.metaKey) return null;
  const key = press.key.toUpperCase();
  if (key === 'P') return counterPaused ? 'reopen' : 'pause';
  const entry = Object.entries(actionKeys).find(([id, k]) => k === key && id !== 'reopen' && id !== 'pause');
  return entry ? (entry[0] as CounterActionId) : null;
}
