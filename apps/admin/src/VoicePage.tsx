import { audioExtensionOf, CLIP_TOO_LARGE, matchesSearch, MAX_CLIP_BYTES, uploadClipSchema } from '@motcua/core';
import { useLanguage } from '@motcua/ui';
import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { VOICE_CLIPS, type ClipLanguage } from '@motcua/core';
import { deleteJson, getJson, putJson } from './hubApi';
import type { LocalizedText } from './localized';
import { validationMessage } from './validationMessage';

interface OfficeClip {
  file: string;
  text: string;
  durationMs?: number;
  bytes: number;
}

interface OfficeVoiceList {
  ok: true;
  clips: Record<string, OfficeClip>;
  totalBytes: number;
  limitBytes: number;
}

interface DefaultManifest {
  clips: Record<string, { file: string }>;
}

type Feedback = { ok: boolean; clipId: string; text: LocalizedText } | null;

const LANGUAGE_TEXT: Record<ClipLanguage, LocalizedText> = {
  vi: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'Tiếng Anh', en: 'English' },
  none: { vi: 'Âm báo', en: 'Sound' },
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
      setOffice(await getJson<OfficeVoiceList>('/api/voice/office'));
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
        text: {
          vi: 'Không phát được tệp này. Kiểm tra loa của máy, hoặc tải lên một bản ghi khác.',
          en: 'This file could not be played. Check the speakers, or upload another recording.',
        },
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
      return refuse({
        vi: `“${file.name}” không phải tệp âm thanh Ogg, MP3 hay WAV. Hãy chọn đúng tệp ghi âm.`,
        en: `“${file.name}” is not an Ogg, MP3 or WAV audio file. Choose the recording itself.`,
      });
    }
    const parsed = uploadClipSchema.safeParse({ id: clipId, text, data: base64Of(bytes) });
    if (!parsed.success) return refuse(validationMessage(parsed.error.issues[0], () => null));
    setBusyClip(clipId);
    try {
      const saved = await putJson<{ warning?: string }>('/api/voice/office/clip', parsed.data);
      setVersion((v) => v + 1);
      // The hub's warning (a clip over 5 s) is "vi / en".
      const [warningVi = '', warningEn = warningVi] = saved.warning?.split(' / ') ?? [];
      setFeedback({
        ok: true,
        clipId,
        text: {
          vi: `Đã lưu bản ghi của cơ quan cho “${text}”. Màn hình hiển thị dùng bản ghi này sau khi tải lại trang.${warningVi ? ` ${warningVi}` : ''}`,
          en: `Saved the office’s recording for “${text}”. Displays use it after their page reloads.${warningEn ? ` ${warningEn}` : ''}`,
        },
      });
      await load();
    } catch (e) {
      refuse({
        vi: `Máy chủ từ chối tệp: ${(e as Error).message}`,
        en: `The hub refused the file: ${(e as Error).message}`,
      });
    } finally {
      setBusyClip(null);
    }
  };

  const remove = async (clipId: string, text: string) => {
    setBusyClip(clipId);
    try {
      await deleteJson(`/api/voice/office/clip?id=${encodeURIComponent(clipId)}`);
      setFeedback({
        ok: true,
        clipId,
        text: {
          vi: `Đã xóa bản ghi của cơ quan cho “${text}”: dùng lại giọng mặc định.`,
          en: `Removed the office’s recording for “${text}”: the default voice is used again.`,
        },
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
      <h1>{t({ vi: 'Giọng đọc', en: 'Voice clips' })}</h1>
      <section className="card">
        <p>
          {t({
            vi: 'Màn hình hiển thị đọc số bằng cách ghép các đoạn ghi âm dưới đây. Cơ quan có thể thay từng đoạn bằng giọng của mình: mỗi tệp một từ hoặc một cụm từ, không có khoảng lặng ở đầu và cuối, định dạng Ogg Opus, MP3 hoặc WAV, tối đa 1 MB mỗi tệp và 3 MB cả bộ.',
            en: 'The wall display reads numbers by joining the clips below. The office can replace each one with its own recording: one word or phrase per file, no silence at either end, Ogg Opus, MP3 or WAV, 1 MB per file and 3 MB in all.',
          })}
        </p>
        <div className="row">
          <label>
            {t({ vi: 'Tìm đoạn ghi âm', en: 'Find a clip' })}
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t({ vi: 'ví dụ: quầy, mươi, vi_letter_a', en: 'e.g. counter, twenty, en_letter_a' })}
            />
          </label>
          <span className="spacer" />
          {office && (
            <span className="muted" data-testid="voice-usage">
              {t({
                vi: `${ownCount} bản ghi của cơ quan · ${kilobytes(office.totalBytes)} / ${kilobytes(office.limitBytes)}`,
                en: `${ownCount} office recordings · ${kilobytes(office.totalBytes)} / ${kilobytes(office.limitBytes)}`,
              })}
            </span>
          )}
        </div>
        {loadError && (
          <p className="form-error" role="alert">
            {loadError}{' '}
            <button type="button" className="btn btn-small" onClick={() => void load()}>
              {t({ vi: 'Thử lại', en: 'Retry' })}
            </button>
          </p>
        )}
        <audio ref={audio} data-testid="voice-player" />
      </section>
      <section className="card">
        <table className="table voice-table" data-testid="voice-clips">
          <thead>
            <tr>
              <th>{t({ vi: 'Mã đoạn', en: 'Clip id' })}</th>
              <th>{t({ vi: 'Nội dung', en: 'Text' })}</th>
              <th>{t({ vi: 'Ngôn ngữ', en: 'Language' })}</th>
              <th>{t({ vi: 'Đang dùng', en: 'In use' })}</th>
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
                        {t({ vi: 'Giọng của cơ quan', en: 'Office recording' })} · {kilobytes(own.bytes)}
                      </span>
                    ) : (
                      <span className="pill pill-closed">{t({ vi: 'Giọng mặc định', en: 'Default voice' })}</span>
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
                        {busy ? t({ vi: 'Đang gửi…', en: 'Sending…' }) : t({ vi: 'Tải lên', en: 'Upload' })}
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
                          {t({ vi: 'Xóa, dùng mặc định', en: 'Remove, use default' })}
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
