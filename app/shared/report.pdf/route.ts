// GET /shared/report.pdf?from&to — the clinic report's PDF within a link share that covers blood glucose
// (its days and glucose only), for the browser holding the share's grant cookie; anything else is 404.
import type { NextRequest } from 'next/server';
import { errorResponse, notFound } from '@/lib/http/errors';
import { reportPdfResponse } from '@/lib/report/pdf-response';
import { LINK_HEADERS } from '../../share/grant';
import { linkShareReport } from '../link-share-report';

export async function GET(req: NextRequest) {
  try {
    const found = await linkShareReport('/shared/report.pdf');
    if (!found) throw notFound('share');
    const res = await reportPdfResponse(req, found.access);
    res.headers.set('Referrer-Policy', LINK_HEADERS['Referrer-Policy']);
    return res;
  } catch (error) {
    return errorResponse(error, crypto.randomUUID());
  }
}
