import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import './citizen.css';
import { BookingPage } from './BookingPage';
import { CheckInStation } from './CheckInStation';
import { TicketStatusPage } from './TicketStatusPage';

loadVietnameseFont();

/** The hub serves this app at /book/, /t/<token> and /citizen/…; the path picks the screen. */
function screen() {
  const path = window.location.pathname;
  const status = /^\/t\/([^/]+)\/?$/.exec(path);
  if (status?.[1]) return <TicketStatusPage token={decodeURIComponent(status[1])} />;
  if (/\/check-in\/?$/.test(path)) return <CheckInStation />;
  return <BookingPage initialCode={new URLSearchParams(window.location.search).get('code')} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LanguageProvider>{screen()}</LanguageProvider>
  </StrictMode>,
);
