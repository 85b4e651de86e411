'use client';
// Changing a user's role, confirmed in a dialog: the user's sessions end at once.
import { useState } from 'react';
import { useTranslations } from 'use-intl';
import { Button } from '@/components/ui/button';
import type { Role } from '@/lib/generated/prisma/enums';
import { Dialog } from './dialog';
import { roleLabel, roleOptions } from './labels';
import type { AdminUser } from './users-view';

export function RoleDialog({ user, onClose, onSubmit }: { user: AdminUser | null; onClose: () => void; onSubmit: (user: AdminUser, role: Role) => void }) {
  const t = useTranslations('admin');
  return (
    <Dialog open={user !== null} title={t('users.changeRole')} onClose={onClose}>
      {({ description }) => user && <RoleForm key={user.id} user={user} description={description} onClose={onClose} onSubmit={onSubmit} />}
    </Dialog>
  );
}

function RoleForm({ user, description, onClose, onSubmit }: { user: AdminUser; description: string; onClose: () => void; onSubmit: (user: AdminUser, role: Role) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const t = useTranslations('admin');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(user, role);
        onClose();
      }}
    >
      <p id={description} className="mt-2 text-sm text-slate-700">
        {t('users.roleNow', { email: user.email, role: roleLabel(t, user.role).toLowerCase() })}
      </p>
      <label className="mt-4 block text-sm font-medium">
        {t('users.newRole')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-teal-600 focus:outline-none focus:ring-2 focus:ring-teal-500">
          {roleOptions(t).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="danger" disabled={role === user.role}>{t('users.changeRole')}</Button>
      </div>
    </form>
  );
}
