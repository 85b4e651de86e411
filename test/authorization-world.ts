// The seeded world of the authorization tests (the matrix and the audit walk): patient A with a linked
// doctor and caregiver, patient B (the victim) with a resource of every kind, an unlinked doctor and
// caregiver, an admin and A's device token. Every private value is a canary the answers must not carry.
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { emailIndex } from '@/lib/crypto/blind-index';
import { prisma } from '@/lib/db/client';
import { encryptInsightTexts } from '@/lib/data/insight-fields';
import { createNightscoutSite } from '@/lib/data/nightscout-sites';
import { createNightscoutToken, revokeNightscoutToken } from '@/lib/data/nightscout-tokens';
import { newNotificationTexts } from '@/lib/data/notification-fields';
import { savePushSubscription } from '@/lib/data/push-subscriptions';
import { generateApiSecret } from '@/lib/nightscout/secret';
import { generateAccessToken } from '@/lib/nightscout/tokens';
import { createDevice, createSignedInUser, createUser, setDisplayName, syncSamples } from '@/test/factories';
import type { CallerName, World } from './authorization-policy';
import { seedCorrections } from './authorization-corrections';
import { seedMeals } from './authorization-meals';
import { seedMedications } from './authorization-medications';

export type Credentials = Record<CallerName, { cookie?: string; token?: string }>;

export type SeededWorld = {
  world: World;
  credentials: Credentials;
  /** The user id behind each signed-in caller (deviceA: A's id). */
  userIds: Partial<Record<CallerName, string>>;
  canaries: { A: string[]; B: string[] };
  seeded: { insights: string[]; notifications: string[]; emergencies: string[] };
};

async function seedPatient(tag: string, who: 'A' | 'B') {
  const user = await createSignedInUser();
  const name = `Patient${who}-canary-${tag}`;
  await setDisplayName(user.id, name);
  const device = await createDevice(user.id, 'watch', `watch-${who}-canary-${tag}`);
  const spare = await createDevice(user.id, 'scale', `scale-${who}-canary-${tag}`);
  const nightscoutName = `nightscout-${who}-canary-${tag}`;
  const nightscoutSite = await createNightscoutSite(user.id, { name: nightscoutName, ...generateApiSecret() });
  const tokens = await seedNightscoutTokens(user.id, tag, who);
  await syncSamples(device, [
    { type: 'HEART_RATE', value: 70, unit: 'count/min', startDate: '2026-11-12T08:00:00Z', endDate: '2026-11-12T08:00:00Z' },
    { type: 'STEPS', value: 4321, unit: 'count', startDate: '2026-11-12T09:00:00Z', endDate: '2026-11-12T09:30:00Z' },
  ]);
  // Texts are stored encrypted, as the app stores them; the plain title is the canary.
  const insightId = randomUUID();
  const insightTitle = `insight-${who}-canary-${tag}`;
  const insight = await prisma.insight.create({
    data: {
      id: insightId,
      userId: user.id,
      kind: 'RESTING_HR_TREND',
      severity: 'LOW',
      ...(await encryptInsightTexts(user.id, insightId, { title: insightTitle, body: 'matrix' })),
      data: {},
      windowStart: new Date('2026-11-01'),
      windowEnd: new Date('2026-11-12'),
    },
  });
  const notificationTitle = `notification-${who}-canary-${tag}`;
  const notification = await prisma.notification.create({
    data: { recipientId: user.id, patientId: user.id, kind: 'insight', status: 'SENT', sentAt: new Date(), ...(await newNotificationTexts(user.id, { title: notificationTitle, body: 'matrix' })) },
  });
  const emergency = await prisma.emergencyEvent.create({
    data: { patientId: user.id, kind: 'GLUCOSE_LOW', details: { valueMgDl: 50 }, detectedAt: new Date() },
  });
  const share = await prisma.shareToken.create({
    data: {
      patientId: user.id,
      codeHash: randomUUID().replaceAll('-', ''),
      types: ['STEPS'],
      dataFrom: new Date('2026-11-01'),
      dataTo: new Date('2026-11-30'),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
  const upload = await prisma.import.create({ data: { userId: user.id, format: 'FHIR', bytesTotal: 10n } });
  const push = await seedPushSubscription(user.id, tag, who);
  const canaries = [user.id, user.email, name, device.id, device.name, device.token, spare.id, spare.name, spare.token, insightTitle, notificationTitle];
  canaries.push(insight.id, notification.id, emergency.id, share.id, upload.id, nightscoutSite.id, nightscoutName, ...tokens.canaries, ...push.canaries);
  return { user, device, spare, nightscoutSite, tokens, insight, notification, emergency, share, upload, push, canaries };
}

/** A browser subscribed to Web Push (issue 17), as a browser's PushSubscription.toJSON() gives it. */
async function seedPushSubscription(userId: string, tag: string, who: 'A' | 'B') {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const endpoint = `https://fcm.googleapis.com/fcm/send/push-${who}-canary-${tag}`;
  const label = `browser-${who}-canary-${tag}`;
  const { id } = await savePushSubscription(userId, { endpoint, p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url'), label });
  return { id, canaries: [id, endpoint, label] };
}

/**
 * A second Nightscout site (its token routes act on it, so revoking the first one in the matrix never
 * races them) with an access token in force and a revoked one, whose token the API calls present: a
 * known token, so those refusals do not count against the failure limit other tests rely on.
 */
async function seedNightscoutTokens(userId: string, tag: string, who: 'A' | 'B') {
  const siteName = `nightscout-tokens-${who}-canary-${tag}`;
  const site = await createNightscoutSite(userId, { name: siteName, ...generateApiSecret() });
  const tokenName = `token-${who}-canary-${tag}`;
  const { token, ...digests } = generateAccessToken(tokenName);
  const inForce = await createNightscoutToken(userId, site.id, { name: tokenName, role: 'readable', ...digests });
  const revoked = generateAccessToken(`revoked ${who}`);
  const { id: revokedId } = await createNightscoutToken(userId, site.id, { name: `revoked-${who}-canary-${tag}`, role: 'admin', tokenSha256: revoked.tokenSha256, tokenSha1: revoked.tokenSha1 });
  await revokeNightscoutToken(userId, site.id, revokedId);
  return { siteId: site.id, tokenId: inForce.id, revokedToken: revoked.token, canaries: [site.id, siteName, inForce.id, tokenName, token] };
}

/** Care teams (issue 15): see World.care. */
async function seedCare(patientB: string, caregiverXEmail: string): Promise<World['care']> {
  const [c1, c2, c3, patientC] = await Promise.all([createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' }), createUser({ role: 'CAREGIVER' }), createUser()]);
  const link = (carerId: string) => prisma.careRelationship.create({ data: { patientId: patientB, carerId, kind: 'CAREGIVER' }, select: { id: true } });
  const [l1, l2, l3] = await Promise.all([link(c1.id), link(c2.id), link(c3.id)]);
  const expiresAt = new Date(Date.now() + 7 * 86_400_000);
  const invite = (inviterId: string, email: string) =>
    prisma.careInvitation.create({ data: { inviterId, inviteeEmailIndex: emailIndex(email), role: 'CAREGIVER', tokenHash: randomUUID(), expiresAt }, select: { id: true } });
  const [toNobody, toX] = await Promise.all([invite(patientB, `nobody-${randomUUID()}@test.example`), invite(patientC.id, caregiverXEmail)]);
  return { invitationId: toNobody.id, linkId: l1.id, endLinkId: l2.id, adminLinkId: l3.id, toCaregiverXId: toX.id, toCaregiverXFrom: patientC.id };
}

export async function seedWorld(): Promise<SeededWorld> {
  const tag = randomUUID().slice(0, 8);
  const [a, b] = await Promise.all([seedPatient(tag, 'A'), seedPatient(tag, 'B')]);
  const [doctorA, doctorX, caregiverA, caregiverX, admin] = await Promise.all([
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'DOCTOR' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'CAREGIVER' }),
    createSignedInUser({ role: 'ADMIN' }),
  ]);
  await prisma.careRelationship.createMany({
    data: [
      { patientId: a.user.id, carerId: doctorA.id, kind: 'DOCTOR' },
      { patientId: a.user.id, carerId: caregiverA.id, kind: 'CAREGIVER', canView: true, canLogData: true, canReceiveAlerts: true },
    ],
  });
  const care = await seedCare(b.user.id, caregiverX.email);
  const meals = await seedMeals(a.user.id, b.user.id, caregiverA.id);
  const medications = await seedMedications(a.user.id, b.user.id, doctorA.id);
  const corrections = await seedCorrections(a.user.id, b.user.id, caregiverA.id);
  const world: World = {
    care,
    meals,
    medications,
    corrections,
    A: { id: a.user.id, deviceId: a.device.id },
    B: {
      id: b.user.id,
      deviceId: b.device.id,
      spareDeviceId: b.spare.id,
      insightId: b.insight.id,
      notificationId: b.notification.id,
      emergencyId: b.emergency.id,
      shareId: b.share.id,
      importId: b.upload.id,
      nightscoutSiteId: b.nightscoutSite.id,
      nightscoutTokenSiteId: b.tokens.siteId,
      nightscoutTokenId: b.tokens.tokenId,
      nightscoutRevokedToken: b.tokens.revokedToken,
      pushSubscriptionId: b.push.id,
    },
  };
  const credentials: Credentials = {
    anonymous: {},
    patientA: { cookie: a.user.cookie },
    patientB: { cookie: b.user.cookie },
    doctorA: { cookie: doctorA.cookie },
    doctorX: { cookie: doctorX.cookie },
    caregiverA: { cookie: caregiverA.cookie },
    caregiverX: { cookie: caregiverX.cookie },
    admin: { cookie: admin.cookie },
    deviceA: { token: a.device.token },
  };
  const userIds = {
    patientA: a.user.id,
    patientB: b.user.id,
    doctorA: doctorA.id,
    doctorX: doctorX.id,
    caregiverA: caregiverA.id,
    caregiverX: caregiverX.id,
    admin: admin.id,
  };
  return {
    world,
    credentials,
    userIds,
    canaries: { A: a.canaries, B: b.canaries },
    seeded: { insights: [b.insight.id, a.insight.id], notifications: [b.notification.id, a.notification.id], emergencies: [b.emergency.id, a.emergency.id] },
  };
}
