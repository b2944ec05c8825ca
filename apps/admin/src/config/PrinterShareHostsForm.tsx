import {
  MAX_PRINTER_SHARE_HOSTS,
  printerShareHostSchema,
  printerShareHostsSchema,
  type QueueState,
} from '@motcua/core';
import { useState, type FormEvent } from 'react';
import { Field, FeedbackLine, useSender } from './shared';

const LABEL = 'Máy tính được phép chia sẻ máy in';

/** The names typed, or why they cannot be saved: the admin reads which name is wrong, not a schema path. */
export function parseShareHosts(text: string): { hosts: string[] } | { error: string } {
  const names = text.split(/[\s,;]+/).filter(Boolean);
  if (names.length > MAX_PRINTER_SHARE_HOSTS) {
    return { error: `tối đa ${MAX_PRINTER_SHARE_HOSTS} máy / at most ${MAX_PRINTER_SHARE_HOSTS} computers.` };
  }
  const hosts: string[] = [];
  for (const name of names) {
    const parsed = printerShareHostSchema.safeParse(name);
    if (!parsed.success) {
      return {
        error: `“${name}” không phải tên máy (chữ không dấu, số, - .) hay địa chỉ IPv4 / is not a host name or an IPv4 address.`,
      };
    }
    if (!hosts.includes(parsed.data)) hosts.push(parsed.data);
  }
  return { hosts };
}

/**
 * The computers whose shared printers the hub may print to, besides the hub itself. Saved in the kiosk
 * settings (the hub prints the kiosks' tickets); the hub adds those its operator listed at start.
 */
export function PrinterShareHostsForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const [text, setText] = useState((state.config.kiosk.printerShareHosts ?? []).join(', '));
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseShareHosts(text);
    if ('error' in parsed) return setError(parsed.error);
    setError(undefined);
    void send(
      printerShareHostsSchema,
      parsed.hosts,
      (printerShareHosts) => ({ type: 'config.setKiosk', kiosk: { ...state.config.kiosk, printerShareHosts } }),
      parsed.hosts.length
        ? `Đã lưu: máy in chia sẻ trên ${parsed.hosts.join(', ')} được phép dùng.`
        : 'Đã lưu: chỉ dùng máy in chia sẻ trên chính máy chủ.',
    );
  };
  return (
    <form className="card form-grid" onSubmit={submit} data-testid="printer-share-hosts">
      <p className="muted wide-row">
        Máy in chia sẻ trên máy tính khác (windows-share://TÊN-MÁY/TÊN-MÁY-IN) chỉ dùng được khi tên máy có trong danh
        sách này. Nhập tên máy hoặc địa chỉ IPv4, cách nhau bằng dấu phẩy.
      </p>
      <Field label={LABEL} wide error={error}>
        <input
          name="printerShareHosts"
          value={text}
          placeholder="may-ke-toan, 192.168.1.20"
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit">
          Lưu danh sách máy
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
