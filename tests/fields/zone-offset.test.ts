import { describe, expect, it } from 'vitest';
import { formatOffset, readOffset, wallClockOffset } from '../../src/fields/zone-offset.js';

describe('formatOffset', () => {
  it.each([
    [330, '+05:30'],
    [-240, '-04:00'],
    [0, '+00:00'],
    [-570, '-09:30'],
    [840, '+14:00'],
  ])('%i minutes → %s', (minutes, printed) => {
    expect(formatOffset(minutes)).toBe(printed);
  });
});

describe('readOffset', () => {
  it.each([
    ['+0530', '+05:30'],
    ['+05:30', '+05:30'],
    ['-4', '-04:00'],
    ['+05', '+05:00'],
    ['-0000', '-00:00'],
  ])('%s → %s', (text, printed) => {
    expect(readOffset(text)).toBe(printed);
  });

  it.each(['+15:00', '+05:60', '0530', '+5:3', 'EST'])('%s is no offset', (text) => {
    expect(readOffset(text)).toBeUndefined();
  });
});

describe('wallClockOffset', () => {
  it('reads summer and winter time', () => {
    expect(wallClockOffset('America/New_York', [2024, 7, 1, 12, 0, 0])).toEqual({
      minutes: -240,
      exists: true,
    });
    expect(wallClockOffset('America/New_York', [2024, 1, 15, 12, 0, 0])).toEqual({
      minutes: -300,
      exists: true,
    });
    expect(wallClockOffset('Asia/Kolkata', [2024, 1, 15, 9, 0, 0])).toEqual({
      minutes: 330,
      exists: true,
    });
  });

  it('takes the earlier instant for a time a DST change repeats, on both sides of UTC', () => {
    // 01:30 happens twice in New York on 3 Nov 2024, 02:30 twice in Berlin on 27 Oct 2024.
    expect(wallClockOffset('America/New_York', [2024, 11, 3, 1, 30, 0])?.minutes).toBe(-240);
    expect(wallClockOffset('Europe/Berlin', [2024, 10, 27, 2, 30, 0])?.minutes).toBe(120);
  });

  it('says when a DST change skips the time', () => {
    // 02:30 does not happen in New York on 10 Mar 2024, nor in Berlin on 31 Mar 2024.
    expect(wallClockOffset('America/New_York', [2024, 3, 10, 2, 30, 0])?.exists).toBe(false);
    expect(wallClockOffset('Europe/Berlin', [2024, 3, 31, 2, 30, 0])?.exists).toBe(false);
  });

  it('knows no made-up zone', () => {
    expect(wallClockOffset('Mars/Olympus', [2024, 1, 1, 0, 0, 0])).toBeUndefined();
  });
});
