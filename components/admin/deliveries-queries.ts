// The delivery page's query (key and fetcher), shared by the server prefetch and the client view.
import { queryOptions } from '@tanstack/react-query';
import type { deliveryOverview } from '@/lib/data/admin-deliveries';
import { apiFetch } from '@/lib/query/api';
import type { Json } from './queries';

export type DeliveriesOverview = Json<Awaited<ReturnType<typeof deliveryOverview>>>;
export type DeliveryFailureRow = DeliveriesOverview['failures'][number];

export const deliveriesOptions = () =>
  queryOptions({
    queryKey: ['admin', 'deliveries'] as const,
    queryFn: () => apiFetch<DeliveriesOverview>('/api/v1/admin/deliveries'),
  });
