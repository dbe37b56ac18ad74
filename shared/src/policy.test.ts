import { describe, expect, it } from 'vitest';
import { belongsToZone, canEditDeclarationsOf, canRunMatching, canRunMeetingEvent, canSeeDeclaration, canSeeExchange, facilitates } from './policy';
import type { CurrentUser } from './schemas/auth';

const ZONE = '11111111-1111-4111-8111-111111111111';
const OTHER_ZONE = '22222222-2222-4222-8222-222222222222';
const FIRM = '33333333-3333-4333-8333-333333333333';
const OTHER_FIRM = '44444444-4444-4444-8444-444444444444';
const person = (role: CurrentUser['role'], zoneIds: string[], organisationId: string | null = null): CurrentUser => ({
  id: '55555555-5555-4555-8555-555555555555',
  email: `${role}@example.org`,
  displayName: role,
  role,
  locale: 'fr',
  organisationId,
  zoneIds,
});
const admin = person('admin', []);
const facilitator = person('facilitator', [ZONE]);
const member = person('member', [ZONE], FIRM);

describe('policy', () => {
  it("lets an association's organisers run its meeting events, not other members", () => {
    const event = { zoneId: ZONE };
    expect(canRunMeetingEvent(member, event, true)).toBe(true);
    expect(canRunMeetingEvent(member, event, false)).toBe(false);
    expect(canRunMeetingEvent(facilitator, event, false)).toBe(true);
    expect(canRunMeetingEvent(facilitator, { zoneId: OTHER_ZONE }, false)).toBe(false);
    expect(canRunMeetingEvent(admin, { zoneId: OTHER_ZONE }, false)).toBe(true);
  });

  it('lets facilitators run their zones only, and admins everywhere', () => {
    expect(facilitates(facilitator, ZONE)).toBe(true);
    expect(facilitates(facilitator, OTHER_ZONE)).toBe(false);
    expect(facilitates(member, ZONE)).toBe(false);
    expect(facilitates(admin, OTHER_ZONE)).toBe(true);
    expect(belongsToZone(member, ZONE)).toBe(true);
    expect(belongsToZone(member, OTHER_ZONE)).toBe(false);
  });

  it('lets a member edit only their own firm’s declarations', () => {
    expect(canEditDeclarationsOf(member, { id: FIRM, zoneId: ZONE })).toBe(true);
    expect(canEditDeclarationsOf(member, { id: OTHER_FIRM, zoneId: ZONE })).toBe(false);
    expect(canEditDeclarationsOf(facilitator, { id: OTHER_FIRM, zoneId: ZONE })).toBe(true);
  });

  it('hides closed declarations from other firms and zone-only ones from other zones', () => {
    const declaration = { zoneId: OTHER_ZONE, organisationId: OTHER_FIRM, visibility: 'zone', status: 'active' };
    expect(canSeeDeclaration(member, declaration)).toBe(false);
    expect(canSeeDeclaration(member, { ...declaration, visibility: 'all' })).toBe(true);
    expect(canSeeDeclaration(member, { ...declaration, visibility: 'all', status: 'closed' })).toBe(false);
  });

  it('shows a rematch to those who may start it: the zone’s facilitators, admins for every zone', () => {
    expect(canRunMatching(facilitator, ZONE)).toBe(true);
    expect(canRunMatching(member, ZONE)).toBe(false);
    expect(canRunMatching(facilitator, null)).toBe(false);
    expect(canRunMatching(admin, null)).toBe(true);
  });

  it('shows a hand-over record to both firms and the zone’s facilitators', () => {
    const exchange = { giverId: FIRM, takerId: OTHER_FIRM, zoneId: ZONE };
    expect(canSeeExchange(member, exchange)).toBe(true);
    expect(canSeeExchange(person('member', [ZONE], '66666666-6666-4666-8666-666666666666'), exchange)).toBe(false);
    expect(canSeeExchange(facilitator, exchange)).toBe(true);
    expect(canSeeExchange(person('facilitator', [OTHER_ZONE]), exchange)).toBe(false);
  });
});
