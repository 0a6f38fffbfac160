/** Booking changes (改期), 办理情况 and 上门办 (issue 19): thin routes over `hall.bookingChanges`. */
import { Router } from 'express';
import { ApproveChangeBody, AssignBody, BookingChangesQuery, RefuseChangeBody, RescheduleBody, ServiceRecordBody, VisitsQuery } from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function bookingChangeRoutes({ hall }: ServerContext): Router {
  const r = Router();
  const changes = hall.bookingChanges;

  r.post('/bookings/:id/reschedule', allow('booking.reschedule-request'), (req, res) => {
    res.status(201).json(changes.requestReschedule(actorOf(req), param(req, 'id'), parse(RescheduleBody, req.body)));
  });
  r.get('/bookings/:id/changes', allow('booking.read'), noStore, (req, res) => void res.json(changes.ofBooking(actorOf(req), param(req, 'id'))));
  r.get('/booking-changes', allow('booking.reschedule-decide'), noStore, (req, res) => {
    res.json(changes.list(actorOf(req), parse(BookingChangesQuery, req.query).status));
  });
  r.post('/booking-changes/:id/approve', allow('booking.reschedule-decide'), (req, res) => {
    res.json(changes.approve(actorOf(req), param(req, 'id'), parse(ApproveChangeBody, req.body ?? {}).note));
  });
  r.post('/booking-changes/:id/refuse', allow('booking.reschedule-decide'), (req, res) => {
    res.json(changes.refuse(actorOf(req), param(req, 'id'), parse(RefuseChangeBody, req.body).note));
  });
  r.post('/booking-changes/:id/withdraw', allow('booking.reschedule-request'), (req, res) => {
    res.json(changes.withdraw(actorOf(req), param(req, 'id')));
  });
  r.post('/bookings/:id/service', allow('booking.service-record'), (req, res) => {
    res.json(changes.recordService(actorOf(req), param(req, 'id'), parse(ServiceRecordBody, req.body)));
  });
  r.post('/bookings/:id/assign', allow('booking.assign'), (req, res) => {
    res.json(changes.assign(actorOf(req), param(req, 'id'), parse(AssignBody, req.body).assigneeId));
  });
  r.get('/visits/assignees', allow('visit.read'), noStore, (req, res) => void res.json(changes.assignees(actorOf(req))));
  r.get('/visits', allow('visit.read'), noStore, (req, res) => void res.json(changes.visits(actorOf(req), parse(VisitsQuery, req.query))));

  return r;
}
