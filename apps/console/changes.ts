/** The console's calls for booking changes (改期), 办理情况 and 上门办 (issue 19); refusals are thrown for the dialogs to show in place. */
import type { Client } from '../kit/client.js';
import type { BodyOf } from '../kit/client.js';

export function changeCommands(api: Client) {
  return {
    requestReschedule: (id: string, body: { date: string; slot: string; reason: string }) =>
      api.call('POST /api/bookings/:id/reschedule', { params: { id }, body }),
    pendingChanges: () => api.call('GET /api/booking-changes', { query: { status: 'pending' } }),
    approveChange: (id: string, note?: string) => api.call('POST /api/booking-changes/:id/approve', { params: { id }, body: note ? { note } : {} }),
    refuseChange: (id: string, note: string) => api.call('POST /api/booking-changes/:id/refuse', { params: { id }, body: { note } }),
    recordService: (id: string, body: BodyOf<'POST /api/bookings/:id/service'>) => api.call('POST /api/bookings/:id/service', { params: { id }, body }),
    assignVisit: (id: string, assigneeId: string) => api.call('POST /api/bookings/:id/assign', { params: { id }, body: { assigneeId } }),
    visits: (q: { from?: string; to?: string; assigneeId?: string }) => api.call('GET /api/visits', { query: q }),
    assignees: () => api.call('GET /api/visits/assignees'),
    revealBooking: (id: string, reason: string) => api.call('POST /api/bookings/:id/reveal', { params: { id }, body: { reason } }),
  };
}
