import fc from 'fast-check';
import { ELEMENT_TYPES, MOVEMENTS } from '../model.js';
import type { NewElement } from '../path.js';

/** Any element an investigator could enter (facts included). */
export const arbitraryElement: fc.Arbitrary<NewElement> = fc.record({
  type: fc.constantFrom(...ELEMENT_TYPES),
  name: fc.string({ minLength: 1, maxLength: 12 }),
  movement: fc.constantFrom(...MOVEMENTS),
  sourceFacts: fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), value: fc.string({ maxLength: 8 }) }), { maxLength: 3 }),
  destinationFacts: fc.array(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), value: fc.string({ maxLength: 8 }) }), { maxLength: 3 }),
});
