import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import './dashboard.css';
import { CentralApp } from './CentralApp';

loadVietnameseFont();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LanguageProvider>
      <CentralApp />
    </LanguageProvider>
  </StrictMode>,
);
