// The shapes the client shares with the app and with Pulse's sync API (README.md, "Device sync API").

/** One sample as the sync API takes it; extra fields are sent as they are. */
export type SyncSample = {
  type: string;
  value: number | string;
  unit?: string;
  startDate: string;
  endDate: string;
  clientRecordId?: string;
  version?: number;
  metadata?: Record<string, unknown>;
  category?: string;
  [field: string]: unknown;
};

/** What a queue holds: a sample, or with a transport (client.ts) any JSON object with a string `type`. */
export type QueueItem = { type: string; [field: string]: unknown };

/** A queued sample as a store keeps it: its id and the sealed (encrypted) sample, nothing in clear. */
export type StoredRecord = { id: string; data: Uint8Array };

/**
 * Where queued samples wait until the server has acknowledged them. Writes are atomic: after a crash
 * a store holds either all of a call's changes or none. One client at a time may use a store.
 */
export interface SampleStore {
  /** Adds records after the existing ones. */
  append(records: StoredRecord[]): Promise<void>;
  /** The oldest `limit` records, oldest first. */
  head(limit: number): Promise<StoredRecord[]>;
  /** The records with these ids, in the given order (ids no longer stored are left out). */
  get(ids: string[]): Promise<StoredRecord[]>;
  /** The ids of the batch being sent, if one was started and not yet acknowledged. */
  inflight(): Promise<string[] | null>;
  setInflight(ids: string[]): Promise<void>;
  /** Deletes records and forgets the batch in flight, in one transaction. */
  remove(ids: string[]): Promise<void>;
  count(): Promise<number>;
  close(): Promise<void>;
}

export type SampleRejection<S extends QueueItem = SyncSample> = { recordId: string; sample: S; field: string; reason: string };

export type ProgressEvent = {
  /** Samples of the acknowledged batch, and what the server made of them. */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** The server replayed its first answer to this batch (a resend after a lost answer or a restart). */
  replayed: boolean;
  /** Samples still queued. */
  remaining: number;
};
