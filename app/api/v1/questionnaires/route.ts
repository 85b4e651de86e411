// GET /api/v1/questionnaires — the questionnaires the product offers (PHQ-4, GAD-7…): each definition
// whole (published wording, options, scoring, bands, source, copyright), for any signed-in user.
import { NextResponse } from 'next/server';
import { requireCaller } from '@/lib/auth/session';
import { route } from '@/lib/http/handler';
import { allQuestionnaires } from '@/lib/questionnaires/registry';

export const GET = route('nobody', async () => {
  await requireCaller();
  return NextResponse.json({ questionnaires: allQuestionnaires() });
});
