// Proxies (C13): who votes for whom, one row per principal and election.
import type { ProxyRepo } from '../../core/proxies/proxy.ports.js';
import type { ProxyAppointment, ProxyStatus } from '../../core/proxies/proxy.types.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import type { ProxyRow } from '../schema.js';
import { type RepoContext, byBytes } from './context.js';

const PROXY = [
  'election_id',
  'principal',
  'proxy',
  'status',
  'created_at',
  'approved_by',
  'approved_at',
] as const;

const q = {
  get: prepare((db, p) =>
    db
      .selectFrom('proxies')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .where('principal', '=', p('principal')),
  ),
  list: prepare((db, p, dialect) =>
    db
      .selectFrom('proxies')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'principal')),
  ),
  put: prepare((db, p) =>
    db
      .insertInto('proxies')
      .values(rowParams(p, PROXY))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'principal'])
          .doUpdateSet(
            rowParams(p, ['proxy', 'status', 'created_at', 'approved_by', 'approved_at'] as const),
          ),
      ),
  ),
  remove: prepare((db, p) =>
    db
      .deleteFrom('proxies')
      .where('election_id', '=', p('electionId'))
      .where('principal', '=', p('principal')),
  ),
};

const fromRow = (r: ProxyRow): ProxyAppointment => ({
  electionId: r.election_id,
  principal: r.principal,
  proxy: r.proxy,
  status: r.status as ProxyStatus,
  createdAt: r.created_at,
  approvedBy: r.approved_by,
  approvedAt: r.approved_at,
});

export function proxyRepo(ctx: RepoContext): ProxyRepo {
  return {
    async get(electionId, principal) {
      const row = await first(ctx, q.get, { electionId, principal });
      return row && fromRow(row);
    },
    async list(electionId) {
      return (await all(ctx, q.list, { electionId })).map(fromRow);
    },
    async put(a) {
      await run(ctx, q.put, {
        election_id: a.electionId,
        principal: a.principal,
        proxy: a.proxy,
        status: a.status,
        created_at: a.createdAt,
        approved_by: a.approvedBy,
        approved_at: a.approvedAt,
      });
    },
    async remove(electionId, principal) {
      return (await run(ctx, q.remove, { electionId, principal })) > 0;
    },
  };
}
