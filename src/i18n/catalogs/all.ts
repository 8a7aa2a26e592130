// Every catalog file, one per area. Add new areas here.
import archive from './archive.js';
import announcement from './announcement.js';
import args from './args.js';
import attendance from './attendance.js';
import audit from './audit.js';
import core from './core.js';
import countingIrv from './counting-irv.js';
import countingMethods from './counting-methods.js';
import countingStv from './counting-stv.js';
import delivery from './delivery.js';
import objections from './objections.js';
import orgs from './orgs.js';
import paper from './paper.js';
import proxies from './proxies.js';
import reports from './reports.js';
import resultsAoa from './results-aoa.js';
import discord from './discord.js';
import secrecy from './secrecy.js';
import slack from './slack.js';
import ties from './ties.js';
import timeline from './timeline.js';
import writeIns from './write-ins.js';

export const catalogs = [
  archive,
  announcement,
  args,
  attendance,
  audit,
  core,
  countingIrv,
  countingMethods,
  countingStv,
  delivery,
  discord,
  objections,
  orgs,
  paper,
  proxies,
  reports,
  resultsAoa,
  secrecy,
  slack,
  ties,
  timeline,
  writeIns,
];
