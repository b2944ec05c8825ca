/**
 * A barcode/QR scanner in keyboard mode ("keyboard wedge") types what it read and presses Enter. This gathers
 * those keys into lines. A person at a touch kiosk has no keyboard, so whatever arrives this way is a scan.
 */
export class ScannerWedge {
  private typed = '';

  /** Feeds one `KeyboardEvent.key`; returns the scanned line when it is Enter, else null. */
  key(key: string): string | null {
    if (key === 'Enter') {
      const line = this.typed;
      this.typed = '';
      return line === '' ? null : line;
    }
    // Single characters only: Shift, Control and the like name keys, not text.
    if ([...key].length === 1) this.typed = (this.typed + key).slice(-1000);
    return null;
  }
}

/** Whether a key went to a field the citizen types in (the dossier code box): that field has it, not us. */
export function isTypingField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA';
}
