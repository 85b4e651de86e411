// A trend of a type that does not exist is decided here, above the loading state: a real 404, not a
// 200 whose stream carries the not-found view.
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { isHealthType } from '@/lib/health';

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ type: string }> }) {
  if (!isHealthType((await params).type.toUpperCase())) notFound();
  return children;
}
