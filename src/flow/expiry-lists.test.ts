import { describe, expect, it } from 'vitest';
import { ExpiryLists } from './expiry-lists.js';

function contents(lists: ExpiryLists, list: number): number[] {
  const out: number[] = [];
  const copy = new ExpiryLists(16, 2);
  for (let slot = lists.head(list); slot >= 0; slot = lists.head(list)) {
    out.push(slot);
    lists.remove(slot);
    copy.append(0, slot);
  }
  for (let slot = copy.head(0); slot >= 0; slot = copy.head(0)) {
    copy.remove(slot);
    lists.append(list, slot);
  }
  return out;
}

describe('ExpiryLists', () => {
  it('keeps insertion order, moves a re-appended slot to the tail, and moves slots between lists', () => {
    const lists = new ExpiryLists(16, 2);
    for (const s of [4, 7, 1]) lists.append(0, s);
    lists.append(0, 4);
    expect(contents(lists, 0)).toEqual([7, 1, 4]);
    lists.append(1, 1);
    expect(contents(lists, 0)).toEqual([7, 4]);
    expect(contents(lists, 1)).toEqual([1]);
    expect(lists.listOfSlot(1)).toBe(1);
    lists.remove(7);
    lists.remove(7);
    expect(contents(lists, 0)).toEqual([4]);
    expect(lists.listOfSlot(7)).toBe(-1);
  });
});
