import { appViteConfig } from '@motcua/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(appViteConfig({ base: '/display/' }));
