/** Which registered devices have a live socket now (GET /api/devices `online`). In memory: a restart starts from nobody. */
export class Presence {
  private readonly sockets = new Map<string, number>();
  add(id: string) { this.sockets.set(id, (this.sockets.get(id) ?? 0) + 1); }
  remove(id: string) {
    const n = (this.sockets.get(id) ?? 0) - 1;
    if (n > 0) this.sockets.set(id, n);
    else this.sockets.delete(id);
  }
  online(id: string) { return this.sockets.has(id); }
}
