// Organisations, members, elections and what organisers set up before voting: contests, roles, the
// roll and nominations.
import type { ContestRepo, ElectionRepo, RoleRepo } from '../../core/elections/election.ports.js';
import type { MemberRepo } from '../../core/members/member.ports.js';
import type { NominationRepo } from '../../core/nominations/nomination.ports.js';
import type { OrgRepo } from '../../core/orgs/org.ports.js';
import type { RollRepo } from '../../core/roll/roll.ports.js';
import {
  contestFromRow,
  contestToRow,
  electionFromRow,
  electionToRow,
  memberFromRow,
  memberToRow,
  nominationFromRow,
  nominationToRow,
  orgFromRow,
  orgToRow,
  roleFromRow,
  rollFromRow,
  rollToRow,
  seconderFromRow,
} from '../mappers.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import { type RepoContext, byBytes, toCount } from './context.js';

const ORG = [
  'id',
  'platform',
  'platform_org_id',
  'name',
  'default_locale',
  'language',
  'time_zone',
  'retention_days',
  'created_at',
] as const;
const MEMBER = ['org_id', 'member_id', 'display_name', 'locale', 'time_zone', 'updated_at'] as const;
const ELECTION = [
  'id',
  'org_id',
  'number',
  'title',
  'channel_id',
  'phase',
  'created_by',
  'settings',
  'cancel_reason',
  'phase_since',
  'created_at',
  'seal',
] as const;
const CONTEST = [
  'id',
  'election_id',
  'number',
  'name',
  'seats',
  'method',
  'options',
  'round',
  'parent_id',
] as const;
const ROLL = ['election_id', 'member_id', 'weight', 'status', 'reason', 'added_by', 'added_at'] as const;
const NOMINATION = [
  'id',
  'election_id',
  'contest_id',
  'number',
  'nominee',
  'nominator',
  'statement',
  'status',
  'reason',
  'candidate_number',
  'created_at',
  'updated_at',
] as const;

const without = <K extends string>(cols: readonly K[], ...drop: K[]) => cols.filter((c) => !drop.includes(c));

const q = {
  orgByPlatform: prepare((db, p) =>
    db
      .selectFrom('orgs')
      .selectAll()
      .where('platform', '=', p('platform'))
      .where('platform_org_id', '=', p('platformOrgId')),
  ),
  orgGet: prepare((db, p) => db.selectFrom('orgs').selectAll().where('id', '=', p('id'))),
  orgInsert: prepare((db, p) => db.insertInto('orgs').values(rowParams(p, ORG))),
  orgInsertIfAbsent: prepare((db, p) =>
    db
      .insertInto('orgs')
      .values(rowParams(p, ORG))
      .onConflict((oc) => oc.columns(['platform', 'platform_org_id']).doNothing()),
  ),
  orgSetDefaultLocale: prepare((db, p) =>
    db
      .updateTable('orgs')
      .set({ default_locale: p('locale') })
      .where('id', '=', p('id')),
  ),
  orgSetLanguage: prepare((db, p) =>
    db
      .updateTable('orgs')
      .set({ language: p('language') })
      .where('id', '=', p('id')),
  ),
  orgSetTimeZone: prepare((db, p) =>
    db
      .updateTable('orgs')
      .set({ time_zone: p('zone') })
      .where('id', '=', p('id')),
  ),
  // NO KEY UPDATE: it still serialises creates, but does not conflict with the KEY SHARE locks that
  // foreign keys (members, elections) take on the organisation, which would deadlock two first commands.
  orgLock: prepare((db, p) => db.selectFrom('orgs').select('id').where('id', '=', p('id')).forNoKeyUpdate()),

  memberGet: prepare((db, p) =>
    db
      .selectFrom('members')
      .selectAll()
      .where('org_id', '=', p('orgId'))
      .where('member_id', '=', p('memberId')),
  ),
  memberUpsert: prepare((db, p) =>
    db
      .insertInto('members')
      .values(rowParams(p, MEMBER))
      .onConflict((oc) =>
        oc.columns(['org_id', 'member_id']).doUpdateSet(rowParams(p, without(MEMBER, 'org_id', 'member_id'))),
      ),
  ),

  electionGet: prepare((db, p) => db.selectFrom('elections').selectAll().where('id', '=', p('id'))),
  electionByNumber: prepare((db, p) =>
    db.selectFrom('elections').selectAll().where('org_id', '=', p('orgId')).where('number', '=', p('number')),
  ),
  // Numbers grow with creation, so they order newest first even when two share a timestamp.
  electionList: prepare((db, p) =>
    db.selectFrom('elections').selectAll().where('org_id', '=', p('orgId')).orderBy('number', 'desc'),
  ),
  electionAll: prepare((db, _p, dialect) =>
    db.selectFrom('elections').selectAll().orderBy(byBytes(dialect, 'id')),
  ),
  electionMax: prepare((db, p) =>
    db
      .selectFrom('elections')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('org_id', '=', p('orgId')),
  ),
  electionInsert: prepare((db, p) => db.insertInto('elections').values(rowParams(p, ELECTION))),
  electionUpdate: prepare((db, p) =>
    db
      .updateTable('elections')
      .set(rowParams(p, without(ELECTION, 'id')))
      .where('id', '=', p('id')),
  ),
  // Lock, then read: the row comes back under its lock, so no command checks a phase another
  // transaction is about to change (five concurrent closes would otherwise all see 'voting').
  electionByNumberLocked: prepare((db, p) =>
    db
      .selectFrom('elections')
      .selectAll()
      .where('org_id', '=', p('orgId'))
      .where('number', '=', p('number'))
      .forUpdate(),
  ),

  contestList: prepare((db, p) =>
    db.selectFrom('contests').selectAll().where('election_id', '=', p('electionId')).orderBy('number'),
  ),
  contestInsert: prepare((db, p) => db.insertInto('contests').values(rowParams(p, CONTEST))),

  roleList: prepare((db, p, dialect) =>
    db
      .selectFrom('election_roles')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'member_id'))
      .orderBy(byBytes(dialect, 'role')),
  ),
  roleAdd: prepare((db, p) =>
    db
      .insertInto('election_roles')
      .values(rowParams(p, ['election_id', 'member_id', 'role'] as const))
      .onConflict((oc) => oc.doNothing()),
  ),

  rollGet: prepare((db, p) =>
    db
      .selectFrom('roll_entries')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .where('member_id', '=', p('memberId')),
  ),
  rollList: prepare((db, p, dialect) =>
    db
      .selectFrom('roll_entries')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  rollUpsert: prepare((db, p) =>
    db
      .insertInto('roll_entries')
      .values(rowParams(p, ROLL))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'member_id'])
          .doUpdateSet(rowParams(p, without(ROLL, 'election_id', 'member_id'))),
      ),
  ),
  rollRemove: prepare((db, p) =>
    db
      .deleteFrom('roll_entries')
      .where('election_id', '=', p('electionId'))
      .where('member_id', '=', p('memberId')),
  ),

  nominationGet: prepare((db, p) =>
    db
      .selectFrom('nominations')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .where('number', '=', p('number')),
  ),
  nominationList: prepare((db, p) =>
    db.selectFrom('nominations').selectAll().where('election_id', '=', p('electionId')).orderBy('number'),
  ),
  nominationMax: prepare((db, p) =>
    db
      .selectFrom('nominations')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('election_id', '=', p('electionId')),
  ),
  nominationInsert: prepare((db, p) => db.insertInto('nominations').values(rowParams(p, NOMINATION))),
  nominationUpdate: prepare((db, p) =>
    db
      .updateTable('nominations')
      .set(rowParams(p, without(NOMINATION, 'id')))
      .where('id', '=', p('id')),
  ),
  seconderList: prepare((db, p, dialect) =>
    db
      .selectFrom('seconders')
      .selectAll()
      .where('nomination_id', '=', p('nominationId'))
      .orderBy('at')
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  seconderAdd: prepare((db, p) =>
    db
      .insertInto('seconders')
      .values(rowParams(p, ['nomination_id', 'member_id', 'at'] as const))
      .onConflict((oc) => oc.doNothing()),
  ),
};

export function orgRepo(ctx: RepoContext): OrgRepo {
  return {
    async findByPlatform(platform, platformOrgId) {
      const row = await first(ctx, q.orgByPlatform, { platform, platformOrgId });
      return row && orgFromRow(row);
    },
    async get(id) {
      const row = await first(ctx, q.orgGet, { id });
      return row && orgFromRow(row);
    },
    async insert(org) {
      await run(ctx, q.orgInsert, { ...orgToRow(org) });
    },
    async insertIfAbsent(org) {
      await run(ctx, q.orgInsertIfAbsent, { ...orgToRow(org) });
      const row = await first(ctx, q.orgByPlatform, {
        platform: org.platform,
        platformOrgId: org.platformOrgId,
      });
      return orgFromRow(row!);
    },
    async setDefaultLocale(id, locale) {
      await run(ctx, q.orgSetDefaultLocale, { id, locale });
    },
    async setLanguage(id, language) {
      await run(ctx, q.orgSetLanguage, { id, language });
    },
    async setTimeZone(id, zone) {
      await run(ctx, q.orgSetTimeZone, { id, zone });
    },
  };
}

export function memberRepo(ctx: RepoContext): MemberRepo {
  return {
    async get(orgId, memberId) {
      const row = await first(ctx, q.memberGet, { orgId, memberId });
      return row && memberFromRow(row);
    },
    async getMany(orgId, memberIds) {
      const out = [];
      // in slices, under SQLite's and PostgreSQL's limits on bound parameters
      for (let i = 0; i < memberIds.length; i += MEMBERS_PER_READ) {
        const rows = await ctx.db
          .selectFrom('members')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('member_id', 'in', memberIds.slice(i, i + MEMBERS_PER_READ))
          .execute();
        out.push(...rows.map(memberFromRow));
      }
      return out;
    },
    async upsert(member) {
      await run(ctx, q.memberUpsert, { ...memberToRow(member) });
    },
  };
}

const MEMBERS_PER_READ = 500;

export function electionRepo(ctx: RepoContext): ElectionRepo {
  return {
    async get(id) {
      const row = await first(ctx, q.electionGet, { id });
      return row && electionFromRow(row);
    },
    async findByNumber(orgId, number) {
      const row = await first(ctx, q.electionByNumber, { orgId, number });
      return row && electionFromRow(row);
    },
    async list(orgId) {
      return (await all(ctx, q.electionList, { orgId })).map(electionFromRow);
    },
    async listAll() {
      return (await all(ctx, q.electionAll, {})).map(electionFromRow);
    },
    async maxNumber(orgId) {
      return toCount((await first(ctx, q.electionMax, { orgId }))?.n);
    },
    async insert(election) {
      await run(ctx, q.electionInsert, { ...electionToRow(election) });
    },
    async update(election) {
      await run(ctx, q.electionUpdate, { ...electionToRow(election) });
    },
    async nextNumber(orgId) {
      // SQLite: the transaction already holds the write lock (BEGIN IMMEDIATE)
      if (ctx.dialect === 'postgres') await all(ctx, q.orgLock, { id: orgId });
      return toCount((await first(ctx, q.electionMax, { orgId }))?.n) + 1;
    },
    async findByNumberLocked(orgId, number) {
      // SQLite: every transaction begins IMMEDIATE (see store.ts), so it already holds the database's
      // write lock when it reads; a row lock only means something on PostgreSQL.
      const row = await first(
        ctx,
        ctx.dialect === 'postgres' ? q.electionByNumberLocked : q.electionByNumber,
        { orgId, number },
      );
      return row && electionFromRow(row);
    },
  };
}

export function contestRepo(ctx: RepoContext): ContestRepo {
  return {
    async list(electionId) {
      return (await all(ctx, q.contestList, { electionId })).map(contestFromRow);
    },
    async insert(contest) {
      await run(ctx, q.contestInsert, { ...contestToRow(contest) });
    },
  };
}

export function roleRepo(ctx: RepoContext): RoleRepo {
  return {
    async list(electionId) {
      return (await all(ctx, q.roleList, { electionId })).map(roleFromRow);
    },
    async add(role) {
      await run(ctx, q.roleAdd, { election_id: role.electionId, member_id: role.memberId, role: role.role });
    },
  };
}

export function rollRepo(ctx: RepoContext): RollRepo {
  return {
    async get(electionId, memberId) {
      const row = await first(ctx, q.rollGet, { electionId, memberId });
      return row && rollFromRow(row);
    },
    async list(electionId) {
      return (await all(ctx, q.rollList, { electionId })).map(rollFromRow);
    },
    async upsert(entry) {
      await run(ctx, q.rollUpsert, { ...rollToRow(entry) });
    },
    async remove(electionId, memberId) {
      return (await run(ctx, q.rollRemove, { electionId, memberId })) > 0;
    },
  };
}

export function nominationRepo(ctx: RepoContext): NominationRepo {
  return {
    async get(electionId, number) {
      const row = await first(ctx, q.nominationGet, { electionId, number });
      return row && nominationFromRow(row);
    },
    async list(electionId) {
      return (await all(ctx, q.nominationList, { electionId })).map(nominationFromRow);
    },
    async maxNumber(electionId) {
      return toCount((await first(ctx, q.nominationMax, { electionId }))?.n);
    },
    async insert(nomination) {
      await run(ctx, q.nominationInsert, { ...nominationToRow(nomination) });
    },
    async update(nomination) {
      await run(ctx, q.nominationUpdate, { ...nominationToRow(nomination) });
    },
    async seconders(nominationId) {
      return (await all(ctx, q.seconderList, { nominationId })).map(seconderFromRow);
    },
    async addSeconder(s) {
      await run(ctx, q.seconderAdd, { nomination_id: s.nominationId, member_id: s.memberId, at: s.at });
    },
  };
}
