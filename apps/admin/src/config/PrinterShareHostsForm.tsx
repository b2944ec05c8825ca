import { MAX_PRINTER_SHARE_HOSTS, printerShareHostSchema, type QueueState } from '@motcua/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef } from 'react';
import { useForm } from 'react-hook-form';
import { adminVi, useAdminText } from '../i18n/strings';
import { Field, FeedbackLine, showFirstError, useSender } from './shared';
import { z } from './vietnameseZod';

/** The names typed, or why they cannot be saved: the admin reads which name is wrong, not a schema path. */
export function parseShareHosts(text: string): { hosts: string[] } | { error: string } {
  const names = text.split(/[\s,;]+/).filter(Boolean);
  if (names.length > MAX_PRINTER_SHARE_HOSTS) {
    return { error: adminVi('shareHosts.tooMany', { max: MAX_PRINTER_SHARE_HOSTS }) };
  }
  const hosts: string[] = [];
  for (const name of names) {
    const parsed = printerShareHostSchema.safeParse(name);
    if (!parsed.success) return { error: adminVi('shareHosts.notAHost', { name }) };
    if (!hosts.includes(parsed.data)) hosts.push(parsed.data);
  }
  return { hosts };
}

/** The box's text, refused under the box when a name is wrong, else the list of hosts. */
const shareHostsFormSchema = z.object({ printerShareHosts: z.string() }).transform(({ printerShareHosts }, ctx) => {
  const parsed = parseShareHosts(printerShareHosts);
  if ('hosts' in parsed) return parsed.hosts;
  ctx.addIssue({ code: 'custom', path: ['printerShareHosts'], message: parsed.error });
  return z.NEVER;
});

/**
 * The computers whose shared printers the hub may print to, besides the hub itself. Saved in the kiosk
 * settings (the hub prints the kiosks' tickets); the hub adds those its operator listed at start.
 */
export function PrinterShareHostsForm({ state }: { state: QueueState }) {
  const { send, feedback } = useSender();
  const text = useAdminText();
  const form = useRef<HTMLFormElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof shareHostsFormSchema>, unknown, string[]>({
    resolver: zodResolver(shareHostsFormSchema),
    defaultValues: { printerShareHosts: (state.config.kiosk.printerShareHosts ?? []).join(', ') },
  });
  const submit = handleSubmit(
    (hosts) =>
      send(
        null,
        hosts,
        (printerShareHosts: string[]) => ({
          type: 'config.setKiosk',
          kiosk: { ...state.config.kiosk, printerShareHosts },
        }),
        hosts.length ? text('shareHosts.saved', { hosts: hosts.join(', ') }) : text('shareHosts.savedNone'),
      ),
    () => showFirstError(form.current),
  );
  return (
    <form
      ref={form}
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      data-testid="printer-share-hosts"
      noValidate
    >
      <p className="muted wide-row">{text('shareHosts.explain')}</p>
      <Field label={text('shareHosts.label')} wide error={errors.printerShareHosts?.message}>
        <input {...register('printerShareHosts')} placeholder="may-ke-toan, 192.168.1.20" />
      </Field>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit">
          {text('shareHosts.save')}
        </button>
        <FeedbackLine feedback={feedback} />
      </div>
    </form>
  );
}
