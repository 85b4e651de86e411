'use client';
// /admin/users: filter and sort users, add one, change a role, disable or re-enable. A role change or
// a disable ends the user's sessions on their next request; the admin's own row cannot be demoted or
// disabled (the API refuses it too).
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Role } from '@/lib/generated/prisma/enums';
import { apiFetch } from '@/lib/query/api';
import { CreateUserDialog } from './create-user-dialog';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { ROLE_LABEL, ROLE_OPTIONS } from './labels';
import { ActionStatus, ListBody } from './list-states';
import { usersOptions, type Filters, type UsersPage } from './queries';
import { RoleDialog } from './role-dialog';
import { Badge, DataTable, Td, Th } from './table';
import { useFormatInstant } from './time-zone';

export type AdminUser = UsersPage['users'][number];
type Message = { text: string; error?: boolean } | null;

export function UsersView({ initial, selfId }: { initial: Filters; selfId: string }) {
  const filters = useFilters(initial);
  const query = useInfiniteQuery({ ...usersOptions(filters.applied), placeholderData: keepPreviousData });
  const users = query.data?.pages.flatMap((p) => p.users) ?? [];
  const qc = useQueryClient();
  const format = useFormatInstant();
  const [message, setMessage] = useState<Message>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [roleTarget, setRoleTarget] = useState<AdminUser | null>(null);
  const [creating, setCreating] = useState(false);

  const change = useMutation({
    mutationFn: (args: { user: AdminUser; role?: Role; disabled?: boolean }) =>
      apiFetch<AdminUser>(`/api/v1/admin/users/${args.user.id}`, { method: 'PATCH', json: { role: args.role, disabled: args.disabled } }),
    onSuccess: (user, args) => {
      const what = args.disabled === true ? 'disabled' : args.disabled === false ? 're-enabled' : `now ${ROLE_LABEL[user.role].toLowerCase()}`;
      setMessage({ text: `${user.email} is ${what}.` });
      void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
    },
    onError: (error) => setMessage({ text: error.message, error: true }),
  });

  const sort = filters.applied.sort === 'email' ? 'email' : 'created';
  const sortButton = (key: 'email' | 'created', label: string) => (
    <button type="button" onClick={() => filters.setNow('sort', key === 'created' ? '' : key)} className="inline-flex items-center gap-1 uppercase hover:text-teal-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600">
      {label}
      <span aria-hidden="true">{sort === key ? (key === 'email' ? '▲' : '▼') : '↕'}</span>
    </button>
  );

  return (
    <Card title="Accounts" action={<Button onClick={() => setCreating(true)}>Add user</Button>}>
      <FilterBar label="Filter users" filters={filters}>
        <TextFilter filters={filters} name="q" label="E-mail or name" />
        <SelectFilter filters={filters} name="role" label="Role" options={ROLE_OPTIONS} />
        <SelectFilter filters={filters} name="status" label="Status" options={[['active', 'Active'], ['disabled', 'Disabled']]} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={users.length} what="users" filtered={filters.isFiltered}>
        <DataTable
          caption="Users"
          head={
            <>
              <Th aria-sort={sort === 'email' ? 'ascending' : 'none'}>{sortButton('email', 'E-mail')}</Th>
              <Th>Name</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th className="text-right">Devices</Th>
              <Th aria-sort={sort === 'created' ? 'descending' : 'none'}>{sortButton('created', 'Created')}</Th>
              <Th><span className="sr-only">Actions</span></Th>
            </>
          }
        >
          {users.map((user) => {
            const self = user.id === selfId;
            return (
              <tr key={user.id}>
                <Td className="font-medium">{user.email}{self && <span className="ml-1 text-xs text-slate-600">(you)</span>}</Td>
                <Td>{user.name ?? '—'}</Td>
                <Td>{ROLE_LABEL[user.role]}</Td>
                <Td>{user.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
                <Td className="text-right tabular-nums">{user.activeDevices}</Td>
                <Td className="whitespace-nowrap">{format(user.createdAt)}</Td>
                <Td>
                  {self ? (
                    <span className="text-xs text-slate-600">You cannot demote or disable yourself</span>
                  ) : (
                    <div className="flex gap-2">
                      <Button variant="secondary" onClick={() => setRoleTarget(user)} aria-label={`Change role of ${user.email}`}>Change role</Button>
                      {user.disabledAt ? (
                        <Button variant="secondary" onClick={() => change.mutate({ user, disabled: false })} aria-label={`Re-enable ${user.email}`}>Re-enable</Button>
                      ) : (
                        <Button
                          variant="danger"
                          aria-label={`Disable ${user.email}`}
                          onClick={() =>
                            setConfirmation({
                              title: 'Disable this account?',
                              body: <>{user.email} is signed out at once and cannot sign in until re-enabled. Their data is kept.</>,
                              confirmLabel: 'Disable account',
                              onConfirm: () => change.mutate({ user, disabled: true }),
                            })
                          }
                        >
                          Disable
                        </Button>
                      )}
                    </div>
                  )}
                </Td>
              </tr>
            );
          })}
        </DataTable>
      </ListBody>
      <ConfirmDialog confirmation={confirmation} onClose={() => setConfirmation(null)} />
      <RoleDialog user={roleTarget} onClose={() => setRoleTarget(null)} onSubmit={(user, role) => change.mutate({ user, role })} />
      <CreateUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setMessage({ text: `${user.email} was added as ${ROLE_LABEL[user.role].toLowerCase()}.` });
          void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
        }}
      />
    </Card>
  );
}
