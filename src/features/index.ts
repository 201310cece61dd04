import type { Feature } from './feature.js';
import { helpFeature } from './help/index.js';

/** Every feature, in registration order. */
export const features: readonly Feature[] = [helpFeature];
