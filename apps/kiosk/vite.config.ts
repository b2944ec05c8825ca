import { appViteConfig } from '@motcua/ui/vite';
import { defineConfig } from 'vite';

// Relative asset paths: the same build is served by the hub at /kiosk/ and by the Electron shell at app://motcua/.
export default defineConfig(appViteConfig({ base: './' }));
