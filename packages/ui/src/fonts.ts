import regular from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import medium from '@expo-google-fonts/be-vietnam-pro/500Medium/BeVietnamPro_500Medium.ttf?url';
import bold from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';
import extraBold from '@expo-google-fonts/be-vietnam-pro/800ExtraBold/BeVietnamPro_800ExtraBold.ttf?url';

/** Be Vietnam Pro from npm, bundled with each app: no system font, no CDN. */
export function loadVietnameseFont(): void {
  const faces: [string, string][] = [
    [regular, '400'],
    [medium, '500'],
    [bold, '700'],
    [extraBold, '800'],
  ];
  for (const [url, weight] of faces) {
    const face = new FontFace('Be Vietnam Pro', `url(${url})`, { weight, display: 'swap' });
    document.fonts.add(face);
    void face.load().catch(() => undefined);
  }
}
