import type { HubClient } from '@motcua/client';

export const BURST_SERVICES = ['khai-sinh', 'ket-hon', 'chung-thuc-ban-sao'];

export interface BurstAcks {
  /** Ticket id → label of every acknowledged issue. */
  issued: Map<string, string>;
  /** Ticket ids of every acknowledged call. */
  called: Set<string>;
}

/**
 * Kiosks issue and clerks call and finish as fast as acks come back, until `stop` is set or the hub
 * stops answering. Resolves when every worker has stopped.
 */
export function queueBurst(
  kiosks: HubClient[],
  clerks: [HubClient, string][],
  acked: BurstAcks,
  stop: { now: boolean },
): Promise<unknown> {
  const issuing = kiosks.map(async (kiosk, k) => {
    for (let i = 0; !stop.now; i++) {
      const serviceId = BURST_SERVICES[(i + k) % BURST_SERVICES.length]!;
      const reply = await kiosk.send({ type: 'ticket.issue', serviceId });
      if (reply.ok) acked.issued.set(reply.result.ticket!.id, reply.result.ticket!.label);
      else if (reply.code === 'TIMEOUT') return;
    }
  });
  const calling = clerks.map(async ([clerk, counterId]) => {
    while (!stop.now) {
      const call = await clerk.send({ type: 'ticket.callNext', counterId });
      if (!call.ok) {
        if (call.code === 'TIMEOUT') return;
        // A call acknowledged just before the previous kill left its ticket at the counter: finish it first.
        const current = clerk.state?.counters[counterId]?.currentTicketId;
        if (call.code === 'COUNTER_BUSY' && current)
          await clerk.send({ type: 'ticket.finish', counterId, ticketId: current });
        else await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      acked.called.add(call.result.ticket!.id);
      const finish = await clerk.send({ type: 'ticket.finish', counterId, ticketId: call.result.ticket!.id });
      if (!finish.ok && finish.code === 'TIMEOUT') return;
    }
  });
  return Promise.allSettled([...issuing, ...calling]);
}
