import { audioExtensionOf, CLIP_TOO_LARGE, matchesSearch, MAX_CLIP_BYTES, uploadClipSchema } from '@motcua/core';
import { useLanguage, localizedText } from '@motcua/ui';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { VOICE_CLIPS, type ClipLanguage, type OfficeVoiceList } from '@motcua/core';
import { hubJson } from './hubApi';
import type { LocalizedText } from './localized';
import { validationMessage } from './validationMessage';
import { adminStrings } from './i18n/strings';

interface DefaultManifest {
  clips: Record<string, { file: string }>;
}

type Feedback = { ok: boolean; clipId: string; text: LocalizedText } | null;

const LANGUAGE_TEXT: Record<ClipLanguage, LocalizedText> = {
  vi: adminStrings['display.voiceLanguage.vi'],
  en: adminStrings['display.voiceLanguage.en'],
  none: adminStrings['voice.sound'],
};

const AUDIO_ACCEPT = 'audio/ogg,audio/opus,audio/mpeg,audio/wav,audio/x-wav,.opus,.ogg,.oga,.mp3,.wav';

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** The office's own voice: which clips it recorded, listen to either version, upload or remove a recording. */
export function VoicePage() {
  const { t } = useLanguage();
  const [office, setOffice] = useState<OfficeVoiceList | null>(null);
  const [defaults, setDefaults] = useState<DefaultManifest | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busyClip, setBusyClip] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState(0);
  const audio = useRef<HTMLAudioElement>(null);

  const load = useCallback(async () => {
    try {
      setOffice(await hubJson('GET /api/voice/office', {}));
      setLoadError(null);
    } catch (e) {
      setLoadError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
    fetch('/voice/default/manifest.json')
      .then((r) => r.json() as Promise<DefaultManifest>)
      .then(setDefaults)
      .catch(() => setDefaults({ clips: {} }));
  }, [load]);

  const officeClips = office?.clips ?? {};
  const known = new Set(VOICE_CLIPS.map((c) => c.id));
  // The office may have recorded extra phrases for its own announcement template.
  const rows = [
    ...VOICE_CLIPS,
    ...Object.entries(officeClips)
      .filter(([id]) => !known.has(id))
      .map(([id, clip]) => ({ id, lang: (id.startsWith('en_') ? 'en' : 'vi') as ClipLanguage, text: clip.text })),
  ].filter((c) => !query.trim() || matchesSearch(`${c.id} ${c.text}`, query));

  const play = (clipId: string) => {
    const own = officeClips[clipId];
    const src = own
      ? `/voice/office/${encodeURIComponent(own.file)}?v=${version}`
      : `/voice/default/${encodeURIComponent(defaults?.clips[clipId]?.file ?? `${clipId}.opus`)}`;
    const player = audio.current;
    if (!player) return;
    player.src = src;
    player.play().catch(() =>
      setFeedback({
        ok: false,
        clipId,
        text: adminStrings['voice.thisFileCouldNot'],
      }),
    );
  };

  const upload = async (clipId: string, text: string, event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const refuse = (message: LocalizedText) => setFeedback({ ok: false, clipId, text: message });
    // The same message the hub gives for every oversize case.
    if (file.size > MAX_CLIP_BYTES) return refuse(CLIP_TOO_LARGE);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!audioExtensionOf(bytes)) {
      return refuse(localizedText(adminStrings['voice.isNotAnOgg'], { name: file.name }));
    }
    const parsed = uploadClipSchema.safeParse({ id: clipId, text, data: base64Of(bytes) });
    if (!parsed.success) return refuse(validationMessage(parsed.error.issues[0], () => null));
    setBusyClip(clipId);
    try {
      const saved = await hubJson('PUT /api/voice/office/clip', { body: parsed.data });
      setVersion((v) => v + 1);
      // The hub's warning (a clip over 5 s) is "vi / en".
      const [warningVi = '', warningEn = warningVi] = saved.warning?.split(' / ') ?? [];
      setFeedback({
        ok: true,
        clipId,
        text: localizedText(adminStrings['voice.savedTheOfficesRecording'], {
          text,
          warning: { vi: warningVi ? ` ${warningVi}` : '', en: warningEn ? ` ${warningEn}` : '' },
        }),
      });
      await load();
    } catch (e) {
      refuse(localizedText(adminStrings['voice.theHubRefusedThe'], { value: (e as Error).message }));
    } finally {
      setBusyClip(null);
    }
  };

  const remove = async (clipId: string, text: string) => {
    setBusyClip(clipId);
    try {
      await hubJson('DELETE /api/voice/office/clip', { query: { id: clipId } });
      setFeedback({
        ok: true,
        clipId,
        text: localizedText(adminStrings['voice.removedTheOfficesRecording'], { text }),
      });
      await load();
    } catch (e) {
      setFeedback({ ok: false, clipId, text: { vi: (e as Error).message, en: (e as Error).message } });
    } finally {
      setBusyClip(null);
    }
  };

  const ownCount = Object.keys(officeClips).length;
  return (
    <div className="page" data-testid="voice-page">
      <h1>{t(adminStrings['voice.voiceClips'])}</h1>
      <section className="card">
        <p>{t(adminStrings['voice.theWallDisplayReads'])}</p>
        <div className="row">
          <label>
            {t(adminStrings['voice.findAClip'])}
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t(adminStrings['voice.eGCounterTwenty'])}
            />
          </label>
          <span className="spacer" />
          {office && (
            <span className="muted" data-testid="voice-usage">
              {t(
                localizedText(adminStrings['voice.officeRecordings'], {
                  ownCount,
                  value: kilobytes(office.totalBytes),
                  value2: kilobytes(office.limitBytes),
                }),
              )}
            </span>
          )}
        </div>
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}{' '}
            <button type="button" className="btn btn-small" onClick={() => void load()}>
              {t(adminStrings['voice.retry'])}
            </button>
          </p>
        )}
        <audio ref={audio} data-testid="voice-player" />
      </section>
      <section className="card">
        <table className="table voice-table" data-testid="voice-clips">
          <thead>
            <tr>
              <th>{t(adminStrings['voice.clipId'])}</th>
              <th>{t(adminStrings['voice.text'])}</th>
              <th>{t(adminStrings['voice.language'])}</th>
              <th>{t(adminStrings['voice.inUse'])}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((clip) => {
              const own = officeClips[clip.id];
              const busy = busyClip === clip.id;
              return (
                <tr key={clip.id} data-clip={clip.id} data-source={own ? 'office' : 'default'}>
                  <td>
                    <code>{clip.id}</code>
                  </td>
                  <td>{clip.text}</td>
                  <td>{t(LANGUAGE_TEXT[clip.lang])}</td>
                  <td>
                    {own ? (
                      <span className="pill pill-open">
                        {t(adminStrings['voice.officeRecording'])} · {kilobytes(own.bytes)}
                      </span>
                    ) : (
                      <span className="pill pill-closed">{t(adminStrings['voice.defaultVoice'])}</span>
                    )}
                    {feedback?.clipId === clip.id && (
                      <p
                        className={feedback.ok ? 'notice' : 'form-error'}
                        role={feedback.ok ? 'status' : 'alert'}
                        data-testid="voice-feedback"
                      >
                        {t(feedback.text)}
                      </p>
                    )}
                  </td>
                  <td className="actions">
                    <div>
                      <button type="button" className="btn btn-small" onClick={() => play(clip.id)}>
                        ▶ {t({ vi: 'Nghe', en: 'Play' })}
                      </button>
                      <label className={busy ? 'btn btn-small disabled' : 'btn btn-small'}>
                        {busy ? t(adminStrings['voice.sending']) : t(adminStrings['voice.upload'])}
                        <input
                          type="file"
                          accept={AUDIO_ACCEPT}
                          className="visually-hidden"
                          disabled={busy}
                          data-testid={`voice-upload-${clip.id}`}
                          onChange={(e) => void upload(clip.id, clip.text, e)}
                        />
                      </label>
                      {own && (
                        <button
                          type="button"
                          className="btn btn-small btn-danger"
                          disabled={busy}
                          onClick={() => void remove(clip.id, clip.text)}
                          data-testid={`voice-remove-${clip.id}`}
                        >
                          {t(adminStrings['voice.removeUseDefault'])}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
    </div>
  );
}
