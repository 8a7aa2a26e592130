// Every catalog file, one per area. Add new areas here.
import core from './core.js';

export const catalogs = [core];
