import { describe, expect, it } from 'vitest';
import { cardsOpen, eventStatusFor, phaseIssue } from './phases';

describe('workshop phases', () => {
  it('needs a linked event for the meeting phases and a published schedule for the day', () => {
    expect(phaseIssue('board', 'requests', null)?.code).toBe('event_required');
    expect(phaseIssue('board', 'requests', { status: 'draft' })).toBeNull();
    expect(phaseIssue('schedule', 'meeting_day', { status: 'scheduled' })?.code).toBe('schedule_not_published');
    expect(phaseIssue('schedule', 'meeting_day', { status: 'published' })).toBeNull();
    expect(phaseIssue('meeting_day', 'requests', { status: 'published' })?.code).toBe('event_published');
    expect(phaseIssue('cards', 'cards', null)?.code).toBe('phase_unchanged');
    expect(phaseIssue('setup', 'board', null)).toBeNull();
  });

  it('opens requests exactly during the requests phase', () => {
    expect(eventStatusFor('board', 'requests', 'draft')).toBe('requests_open');
    expect(eventStatusFor('requests', 'schedule', 'requests_open')).toBe('scheduled');
    expect(eventStatusFor('requests', 'board', 'requests_open')).toBe('draft');
    expect(eventStatusFor('schedule', 'meeting_day', 'published')).toBeNull();
    expect(eventStatusFor('cards', 'board', 'draft')).toBeNull();
  });

  it('lets participants write cards only while cards are collected or on the board', () => {
    expect(cardsOpen('cards', false)).toBe(true);
    expect(cardsOpen('board', false)).toBe(true);
    expect(cardsOpen('requests', false)).toBe(false);
    expect(cardsOpen('requests', true)).toBe(true);
    expect(cardsOpen('closed', true)).toBe(false);
  });
});
