// Every encrypted column, for the jobs that walk them (re-encryption under a new data key version, the
// canary test). `id` is the row id bound into the additional data, `owner` the column naming the user
// whose key encrypts it. Adding an encrypted column means adding it here.
export type EncryptedColumn = { table: string; column: string; id: string; owner: string };

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'profiles', column: 'display_name', id: 'user_id', owner: 'user_id' },
  { table: 'profiles', column: 'date_of_birth', id: 'user_id', owner: 'user_id' },
  { table: 'devices', column: 'name', id: 'id', owner: 'user_id' },
];
