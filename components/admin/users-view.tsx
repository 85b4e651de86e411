'use client';
// /admin/users: filter and sort users, add one, change a role, disable or re-enable. A role change or
// a disable ends the user's sessions on their next request; the admin's own row cannot be demoted or
// disabled (the API refuses it too).
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import type { Role } from '@/lib/generated/prisma/enums';
import { apiFetch } from '@/lib/query/api';
import { CreateUserDialog } from './create-user-dialog';
import { ConfirmDialog, type Confirmation } from './dialog';
import { FilterBar, SelectFilter, TextFilter, useFilters } from './filters';
import { roleLabel, roleOptions } from './labels';
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
  const t = useTranslations('admin');

  const change = useMutation({
    mutationFn: (args: { user: AdminUser; role?: Role; disabled?: boolean }) =>
      apiFetch<AdminUser>(`/api/v1/admin/users/${args.user.id}`, { method: 'PATCH', json: { role: args.role, disabled: args.disabled } }),
    onSuccess: (user, args) => {
      const email = user.email;
      const text = args.disabled === true ? t('users.disabledDone', { email }) : args.disabled === false ? t('users.reenabledDone', { email }) : t('users.roleDone', { email, role: roleLabel(t, user.role).toLowerCase() });
      setMessage({ text });
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
    <Card title={t('users.accounts')} action={<Button onClick={() => setCreating(true)}>{t('users.add')}</Button>}>
      <FilterBar label={t('users.filter')} filters={filters}>
        <TextFilter filters={filters} name="q" label={t('users.search')} />
        <SelectFilter filters={filters} name="role" label={t('users.columns.role')} options={roleOptions(t)} />
        <SelectFilter filters={filters} name="status" label={t('users.columns.status')} options={[['active', t('users.active')], ['disabled', t('users.disabled')]]} />
      </FilterBar>
      <ActionStatus message={message} />
      <ListBody query={query} count={users.length} list="users" filtered={filters.isFiltered}>
        <DataTable
          caption={t('users.caption')}
          head={
            <>
              <Th aria-sort={sort === 'email' ? 'ascending' : 'none'}>{sortButton('email', t('users.columns.email'))}</Th>
              <Th>{t('users.columns.name')}</Th>
              <Th>{t('users.columns.role')}</Th>
              <Th>{t('users.columns.status')}</Th>
              <Th className="text-right">{t('users.columns.devices')}</Th>
              <Th aria-sort={sort === 'created' ? 'descending' : 'none'}>{sortButton('created', t('users.columns.created'))}</Th>
              <Th><span className="sr-only">{t('common.actions')}</span></Th>
            </>
          }
        >
          {users.map((user) => {
            const self = user.id === selfId;
            return (
              <tr key={user.id}>
                <Td className="font-medium">{user.email}{self && <span className="ml-1 text-xs text-slate-600">{t('users.you')}</span>}</Td>
                <Td>{user.name ?? '—'}</Td>
                <Td>{roleLabel(t, user.role)}</Td>
                <Td>{user.disabledAt ? <Badge tone="red">{t('users.disabled')}</Badge> : <Badge tone="green">{t('users.active')}</Badge>}</Td>
                <Td className="text-right tabular-nums">{user.activeDevices}</Td>
                <Td className="whitespace-nowrap">{format(user.createdAt)}</Td>
                <Td>
                  {self ? (
                    <span className="text-xs text-slate-600">{t('users.notYourself')}</span>
                  ) : (
                    <div className="flex gap-2">
                      <Button variant="secondary" onClick={() => setRoleTarget(user)} aria-label={t('users.changeRoleOf', { email: user.email })}>{t('users.changeRole')}</Button>
                      {user.disabledAt ? (
                        <Button variant="secondary" onClick={() => change.mutate({ user, disabled: false })} aria-label={t('users.reenableOf', { email: user.email })}>{t('users.reenable')}</Button>
                      ) : (
                        <Button
                          variant="danger"
                          aria-label={t('users.disableOf', { email: user.email })}
                          onClick={() =>
                            setConfirmation({
                              title: t('users.disableTitle'),
                              body: t('users.disableBody', { email: user.email }),
                              confirmLabel: t('users.disableConfirm'),
                              onConfirm: () => change.mutate({ user, disabled: true }),
                            })
                          }
                        >
                          {t('users.disable')}
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
          setMessage({ text: t('users.added', { email: user.email, role: roleLabel(t, user.role).toLowerCase() }) });
          void qc.invalidateQueries({ queryKey: ['admin', 'users'] });
        }}
      />
    </Card>
  );
}
