// Organisations, elections and what organisers set up before voting: contests, roles, the roll and
// nominations.
import type {
  ContestRepo,
  ElectionRepo,
  MemberRepo,
  NominationRepo,
  OrgRepo,
  RoleRepo,
  RollRepo,
} from '../../core/shared/store.ports.js';
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
import { type RepoContext, byBytes, toCount } from './context.js';

export function orgRepo({ db }: RepoContext): OrgRepo {
  return {
    async findByPlatform(platform, platformOrgId) {
      const row = await db
        .selectFrom('orgs')
        .selectAll()
        .where('platform', '=', platform)
        .where('platform_org_id', '=', platformOrgId)
        .executeTakeFirst();
      return row && orgFromRow(row);
    },
    async get(id) {
      const row = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && orgFromRow(row);
    },
    async insert(org) {
      await db.insertInto('orgs').values(orgToRow(org)).execute();
    },
  };
}

export function memberRepo({ db }: RepoContext): MemberRepo {
  return {
    async get(orgId, memberId) {
      const row = await db
        .selectFrom('members')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row && memberFromRow(row);
    },
    async upsert(member) {
      const row = memberToRow(member);
      await db
        .insertInto('members')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['org_id', 'member_id']).doUpdateSet({
            display_name: row.display_name,
            locale: row.locale,
            updated_at: row.updated_at,
          }),
        )
        .execute();
    },
  };
}

export function electionRepo({ db, dialect }: RepoContext): ElectionRepo {
  return {
    async get(id) {
      const row = await db.selectFrom('elections').selectAll().where('id', '=', id).executeTakeFirst();
      return row && electionFromRow(row);
    },
    async findByNumber(orgId, number) {
      const row = await db
        .selectFrom('elections')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row && electionFromRow(row);
    },
    async list(orgId) {
      // Numbers grow with creation, so they order newest first even when two share a timestamp.
      const rows = await db
        .selectFrom('elections')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('number', 'desc')
        .execute();
      return rows.map(electionFromRow);
    },
    async maxNumber(orgId) {
      const row = await db
        .selectFrom('elections')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return toCount(row?.n);
    },
    async insert(election) {
      await db.insertInto('elections').values(electionToRow(election)).execute();
    },
    async update(election) {
      const { id, ...rest } = electionToRow(election);
      await db.updateTable('elections').set(rest).where('id', '=', id).execute();
    },
    async lock(id) {
      // SQLite: transactions begin IMMEDIATE and Kysely holds the one connection, so writers are already
      // serialised; a row lock only means something on PostgreSQL.
      if (dialect !== 'postgres') return;
      await db.selectFrom('elections').select('id').where('id', '=', id).forUpdate().execute();
    },
  };
}

export function contestRepo({ db }: RepoContext): ContestRepo {
  return {
    async list(electionId) {
      const rows = await db
        .selectFrom('contests')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy('number')
        .execute();
      return rows.map(contestFromRow);
    },
    async insert(contest) {
      await db.insertInto('contests').values(contestToRow(contest)).execute();
    },
  };
}

export function roleRepo({ db, dialect }: RepoContext): RoleRepo {
  return {
    async list(electionId) {
      const rows = await db
        .selectFrom('election_roles')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'member_id'))
        .orderBy(byBytes(dialect, 'role'))
        .execute();
      return rows.map(roleFromRow);
    },
    async add(role) {
      await db
        .insertInto('election_roles')
        .values({ election_id: role.electionId, member_id: role.memberId, role: role.role })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

export function rollRepo({ db, dialect }: RepoContext): RollRepo {
  return {
    async get(electionId, memberId) {
      const row = await db
        .selectFrom('roll_entries')
        .selectAll()
        .where('election_id', '=', electionId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row && rollFromRow(row);
    },
    async list(electionId) {
      const rows = await db
        .selectFrom('roll_entries')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'member_id'))
        .execute();
      return rows.map(rollFromRow);
    },
    async upsert(entry) {
      const row = rollToRow(entry);
      const { election_id: _e, member_id: _m, ...rest } = row;
      await db
        .insertInto('roll_entries')
        .values(row)
        .onConflict((oc) => oc.columns(['election_id', 'member_id']).doUpdateSet(rest))
        .execute();
    },
    async remove(electionId, memberId) {
      const result = await db
        .deleteFrom('roll_entries')
        .where('election_id', '=', electionId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export function nominationRepo({ db, dialect }: RepoContext): NominationRepo {
  return {
    async get(electionId, number) {
      const row = await db
        .selectFrom('nominations')
        .selectAll()
        .where('election_id', '=', electionId)
        .where('number', '=', number)
        .executeTakeFirst();
      return row && nominationFromRow(row);
    },
    async list(electionId) {
      const rows = await db
        .selectFrom('nominations')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy('number')
        .execute();
      return rows.map(nominationFromRow);
    },
    async maxNumber(electionId) {
      const row = await db
        .selectFrom('nominations')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      return toCount(row?.n);
    },
    async insert(nomination) {
      await db.insertInto('nominations').values(nominationToRow(nomination)).execute();
    },
    async update(nomination) {
      const { id, ...rest } = nominationToRow(nomination);
      await db.updateTable('nominations').set(rest).where('id', '=', id).execute();
    },
    async seconders(nominationId) {
      const rows = await db
        .selectFrom('seconders')
        .selectAll()
        .where('nomination_id', '=', nominationId)
        .orderBy('at')
        .orderBy(byBytes(dialect, 'member_id'))
        .execute();
      return rows.map(seconderFromRow);
    },
    async addSeconder(seconder) {
      await db
        .insertInto('seconders')
        .values({ nomination_id: seconder.nominationId, member_id: seconder.memberId, at: seconder.at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}
