import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import './counter.css';
import { CounterApp } from './CounterApp';
import { RatingApp } from './RatingApp';

loadVietnameseFont();

const params = new URLSearchParams(window.location.search);
const isRatingPad = /\/rating\/?$/.test(window.location.pathname);

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LanguageProvider>
      {isRatingPad ? (
        <RatingApp counterId={params.get('counter')} />
      ) : (
        <CounterApp compact={params.get('compact') === '1'} preferredCounterId={params.get('counter')} />
      )}
    </LanguageProvider>
  </StrictMode>,
);
