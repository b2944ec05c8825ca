import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HubClient, HubProvider, localTokenStore } from '@motcua/client';
import { LanguageProvider, loadVietnameseFont } from '@motcua/ui';
import '@motcua/ui/theme.css';
import './admin.css';
import { AdminApp } from './AdminApp';
import { ADMIN_STORAGE_PREFIX } from './hubApi';

loadVietnameseFont();

// The admin page is not a device: a plain client that signs in with a username and password or PIN.
const client = new HubClient({ storage: localTokenStore(ADMIN_STORAGE_PREFIX) }).connect();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LanguageProvider>
      <HubProvider client={client}>
        <AdminApp />
      </HubProvider>
    </LanguageProvider>
  </StrictMode>,
);
