// @ts-check
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { LEAD_BUSINESS_ID, seedBusinessData, seedBusinesses } = require("./seed");
const { seedDemo } = require("./demo");

/** @typedef {Record<string, any>} SageRecord */
/** @typedef {{ id: string, displayed_as: string, $path: string, deleted_at: string }} Tombstone */

const FILE_VERSION = 1;

/** Records of one resource in created order, with an index by id. */
class Collection {
  /** @param {SageRecord[]} [items] */
  constructor(items = []) {
    /** @type {SageRecord[]} */
    this.items = items;
    /** @type {Map<string, SageRecord>} */
    this.byId = new Map(items.map((item) => [item.id, item]));
  }

  get(/** @type {string} */ id) {
    return this.byId.get(id);
  }

  add(/** @type {SageRecord} */ record) {
    this.items.push(record);
    this.byId.set(record.id, record);
    return record;
  }

  /** Put an updated record in the place of the one with its id (keeps created order). */
  replace(/** @type {SageRecord} */ record) {
    const old = this.byId.get(record.id);
    if (!old) return this.add(record);
    this.items[this.items.indexOf(old)] = record;
    this.byId.set(record.id, record);
    return record;
  }

  remove(/** @type {string} */ id) {
    const record = this.byId.get(id);
    if (!record) return undefined;
    this.byId.delete(id);
    this.items.splice(this.items.indexOf(record), 1);
    return record;
  }
}

/** Everything one business holds: its collections, deleted-record tombstones and number counters. */
class BusinessData {
  /**
   * @param {Record<string, SageRecord[]>} collections
   * @param {Record<string, Tombstone[]>} [tombstones]
   * @param {Record<string, number>} [counters]
   */
  constructor(collections, tombstones = {}, counters = {}) {
    /** @type {Record<string, Collection>} */
    this.collections = {};
    for (const [name, items] of Object.entries(collections)) this.collections[name] = new Collection(items);
    this.tombstones = tombstones;
    this.counters = counters;
  }

  /** The named collection (created empty on first use). */
  collection(/** @type {string} */ name) {
    return (this.collections[name] ??= new Collection());
  }

  /** The next number of a sequence (SI-1, SI-2 ...). */
  next(/** @type {string} */ counter) {
    this.counters[counter] = (this.counters[counter] ?? 0) + 1;
    return this.counters[counter];
  }

  tombstone(/** @type {string} */ name, /** @type {SageRecord} */ record, /** @type {string} */ at) {
    (this.tombstones[name] ??= []).push({
      id: record.id,
      displayed_as: record.displayed_as,
      $path: record.$path,
      deleted_at: at,
    });
  }

  toJSON() {
    /** @type {Record<string, SageRecord[]>} */
    const collections = {};
    for (const [name, collection] of Object.entries(this.collections)) collections[name] = collection.items;
    return { collections, tombstones: this.tombstones, counters: this.counters };
  }
}

/** How long changes may wait before they are written together (a burst of writes costs one file write). */
const WRITE_DELAY_MS = 200;

/** Whether a process with this id is running (EPERM: it runs, as another user). */
const isRunning = (/** @type {number} */ pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
};

/**
 * The sandbox's records, per business; optionally kept in a JSON file.
 *
 * With a file: one sandbox owns it at a time (a `<file>.lock` holding its process id, so a second
 * sandbox on the same file is refused instead of overwriting the first one's records); changes
 * are written together at most every WRITE_DELAY_MS and at close(), each write atomic (a temp
 * file in the same folder, then rename, so a crash never leaves half a file).
 */
class Store {
  /** @param {{ dataFile?: string }} [options] */
  constructor({ dataFile } = {}) {
    this.dataFile = dataFile ? path.resolve(dataFile) : undefined;
    this.lockFile = this.dataFile ? `${this.dataFile}.lock` : undefined;
    /** @type {SageRecord[]} */
    this.businesses = [];
    /** @type {Map<string, BusinessData>} */
    this.data = new Map();
    /** @type {NodeJS.Timeout | undefined} */
    this.pending = undefined;
    /** Changes not yet in the file. */
    this.dirty = false;
    this.closed = false;
    // A process that ends without close() (an uncaught error, process.exit) still writes its changes and frees the file.
    this.onExit = () => this.close();
    this.lock();
    try {
      if (this.dataFile && fs.existsSync(this.dataFile)) this.load(this.dataFile);
      else {
        this.seed();
        this.flush();
      }
    } catch (error) {
      this.unlock();
      throw error;
    }
    if (this.dataFile) process.once("exit", this.onExit);
  }

  /** Claim the data file, or say which process has it. A lock whose process is gone is taken over. */
  lock() {
    if (!this.lockFile || !this.dataFile) return;
    fs.mkdirSync(path.dirname(this.lockFile), { recursive: true });
    for (;;) {
      try {
        fs.writeFileSync(this.lockFile, String(process.pid), { flag: "wx" });
        return;
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
      }
      const owner = Number(fs.readFileSync(this.lockFile, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        throw new Error(
          `Sandbox data file ${this.dataFile} is in use by ${owner === process.pid ? "another sandbox in this process" : `process ${owner}`} ` +
            `(lock file ${this.lockFile}). Two sandboxes on one file would overwrite each other's records: stop that one, ` +
            "or send requests to it (SAGE_SANDBOX_URL and SAGE_SANDBOX_TOKEN, see npm start -- --help). " +
            "If no such sandbox runs, delete the lock file.",
        );
      }
      fs.rmSync(this.lockFile, { force: true });
    }
  }

  unlock() {
    if (this.lockFile) fs.rmSync(this.lockFile, { force: true });
  }

  seed() {
    this.businesses = seedBusinesses();
    this.data = new Map(
      this.businesses.map((business) => {
        const data = new BusinessData(seedBusinessData(business.id, business.name));
        seedDemo(data, business.id);
        return [business.id, data];
      }),
    );
  }

  get leadBusinessId() {
    return this.businesses[0]?.id ?? LEAD_BUSINESS_ID;
  }

  /** A business's data, or undefined for an unknown id. Without an id, the lead business. */
  business(/** @type {string | undefined} */ businessId) {
    return this.data.get(businessId ?? this.leadBusinessId);
  }

  load(/** @type {string} */ file) {
    let parsed;
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      // Never overwrite a file we cannot read: it may be someone's hand-built test company.
      throw new Error(
        `Sandbox data file ${file} is not valid JSON (${/** @type {Error} */ (error).message}); fix or delete it.`,
      );
    }
    if (
      !parsed ||
      parsed.version !== FILE_VERSION ||
      !Array.isArray(parsed.businesses) ||
      typeof parsed.data !== "object"
    ) {
      throw new Error(
        `Sandbox data file ${file} is not a sandbox data file (version ${FILE_VERSION}); fix or delete it.`,
      );
    }
    this.adopt(parsed);
  }

  /** Take the businesses and records of a data file's JSON (or of a snapshot). */
  adopt(/** @type {{ businesses: SageRecord[], data: Record<string, any> }} */ parsed) {
    this.businesses = parsed.businesses;
    this.data = new Map();
    for (const business of this.businesses) {
      const saved = parsed.data[business.id] ?? { collections: seedBusinessData(business.id, business.name) };
      this.data.set(
        business.id,
        new BusinessData(saved.collections ?? {}, saved.tombstones ?? {}, saved.counters ?? {}),
      );
    }
  }

  /** Every business's records, tombstones and number counters as they are now, for restore(). */
  snapshot() {
    return JSON.stringify(this.toJSON());
  }

  /** Go back to what snapshot() saw: later records, changes and deletions are gone. */
  restore(/** @type {string} */ snapshot) {
    this.adopt(JSON.parse(snapshot));
    this.save();
  }

  toJSON() {
    /** @type {Record<string, unknown>} */
    const data = {};
    for (const [id, business] of this.data) data[id] = business.toJSON();
    return { version: FILE_VERSION, businesses: this.businesses, data };
  }

  /** Note a change: it is written with the others of the next WRITE_DELAY_MS. */
  save() {
    if (!this.dataFile || this.closed) return;
    this.dirty = true;
    if (this.pending) return;
    this.pending = setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        // The records are still in memory and the next change or close() writes them again.
        console.error(`[sage-sandbox] could not write ${this.dataFile}:`, error);
      }
    }, WRITE_DELAY_MS);
    this.pending.unref();
  }

  /** Write the data file now, if there is one: temp file + rename, so readers see the old or the new file, never half of one. */
  flush() {
    clearTimeout(this.pending);
    this.pending = undefined;
    if (!this.dataFile) return;
    fs.mkdirSync(path.dirname(this.dataFile), { recursive: true });
    const temp = `${this.dataFile}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    try {
      fs.writeFileSync(temp, JSON.stringify(this.toJSON()));
      fs.renameSync(temp, this.dataFile);
      this.dirty = false;
    } catch (error) {
      fs.rmSync(temp, { force: true });
      throw error;
    }
  }

  /** Write what is pending and free the data file for the next sandbox. */
  close() {
    if (this.closed) return;
    this.closed = true;
    process.off("exit", this.onExit);
    try {
      if (this.dirty) this.flush();
    } finally {
      this.unlock();
    }
  }
}

module.exports = { Store, BusinessData, Collection, FILE_VERSION };
