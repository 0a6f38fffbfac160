/** Sign-in and sign-out, the signed-in user, and the admin's accounts and devices (CONTRACT.md "Accounts", "Devices"). */
import { Router } from 'express';
import {
  CreateDeviceBody, CreateUserBody, LoginBody, ChangePasswordBody, SetPasswordBody, UpdateUserBody,
} from '../../../protocol/schemas.js';
import type { ServerContext } from '../context.js';
import { actorOf, allow, noStore, param, parse } from '../support.js';

export function peopleRoutes(ctx: ServerContext): Router {
  const { hall, auth } = ctx;
  const r = Router();
  const manageUsers = allow('users.manage');
  const manageDevices = allow('devices.manage');

  r.post('/auth/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    res.json(await auth.login(body.username, body.password, req.ip ?? 'unknown'));
  });
  r.post('/auth/logout', allow(), (req, res) => {
    auth.logout(actorOf(req), (req.headers.authorization ?? '').slice(7).trim());
    res.json({ ok: true });
  });
  r.get('/me', allow(), (req, res) => {
    const a = actorOf(req);
    res.json(a.kind === 'user' ? { kind: 'user', user: hall.people.userInfo(a.id) } : { kind: 'device', device: { id: a.id, kind: a.role, name: a.name } });
  });
  r.post('/me/password', allow('self.password'), async (req, res) => {
    const body = parse(ChangePasswordBody, req.body);
    res.json(await auth.changeOwnPassword(actorOf(req), body.oldPassword, body.newPassword));
  });

  r.get('/users', manageUsers, noStore, (req, res) => void res.json(hall.people.users(actorOf(req))));
  r.post('/users', manageUsers, async (req, res) => {
    const { replayed, ...out } = await auth.createUser(actorOf(req), parse(CreateUserBody, req.body));
    res.status(replayed ? 200 : 201).json(out);
  });
  r.put('/users/:id', manageUsers, (req, res) => void res.json(hall.people.updateUser(actorOf(req), param(req, 'id'), parse(UpdateUserBody, req.body))));
  r.post('/users/:id/password', manageUsers, async (req, res) => {
    res.json(await auth.resetPassword(actorOf(req), param(req, 'id'), parse(SetPasswordBody, req.body).password));
  });

  r.get('/devices', manageDevices, (req, res) => {
    res.json(hall.people.devices(actorOf(req), (id) => ctx.presence.online(id)));
  });
  r.post('/devices', manageDevices, (req, res) => void res.status(201).json(auth.createDevice(actorOf(req), parse(CreateDeviceBody, req.body))));
  r.delete('/devices/:id', manageDevices, (req, res) => void res.json(hall.people.revokeDevice(actorOf(req), param(req, 'id'))));
  return r;
}
