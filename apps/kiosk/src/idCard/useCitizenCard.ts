import { looksLikeCccdQr, parseCccdQr, type CitizenCard } from '@motcua/core';
import { useCallback, useEffect, useState } from 'react';
import { watchCardReader } from './cardReader';

/** The kiosk's words for a card that was not read. */
export type CardProblem = 'idCard.readFailed' | 'idCard.qrUnreadable';

export interface CitizenCardState {
  /** The card last read or scanned, until the kiosk returns home. */
  card: CitizenCard | null;
  /** Why the last read failed, to tell the citizen what to do. */
  problem: CardProblem | null;
  /** Text the scanner typed: a card's QR is taken; anything else is left to whoever asked for it. */
  scanned(text: string): boolean;
  forget(): void;
}

/** The citizen's card from the reader (when this kiosk has one) and from the card's QR typed by the scanner. */
export function useCitizenCard(readerUrl: string | null): CitizenCardState {
  const [card, setCard] = useState<CitizenCard | null>(null);
  const [problem, setProblem] = useState<CardProblem | null>(null);

  useEffect(() => {
    if (!readerUrl) return;
    return watchCardReader(readerUrl, (message) => {
      if (message.type === 'card') {
        setCard(message.card);
        setProblem(null);
      } else if (message.type === 'error') {
        setProblem('idCard.readFailed');
      }
      // A card taken off the reader stays on screen: the citizen is still choosing.
    });
  }, [readerUrl]);

  const scanned = useCallback((text: string) => {
    if (!looksLikeCccdQr(text)) return false;
    const parsed = parseCccdQr(text);
    if (parsed.ok) {
      setCard(parsed.card);
      setProblem(null);
    } else {
      setProblem('idCard.qrUnreadable');
    }
    return true;
  }, []);

  const forget = useCallback(() => {
    setCard(null);
    setProblem(null);
  }, []);

  return { card, problem, scanned, forget };
}
